using QuotaDashboard.Data;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Reports;

namespace QuotaDashboard.Components.Pages.Reports;

/// <summary>One key of a breakdown as the form holds it; <see cref="Newer"/> is what a colleague saved meanwhile.</summary>
public sealed class EntryLine(string key, string name)
{
    public string Key { get; } = key;
    public string Name { get; } = name;
    public int? Count { get; set; }
    public int? Newer { get; set; }
}

/// <summary>How far a breakdown is from the total; <see cref="Difference"/> is positive when it is over.</summary>
public sealed record BreakdownSum(long Sum, int? Total, bool Entered)
{
    public long? Difference => Entered && Total is { } total ? Sum - total : null;

    public bool Mismatch => Difference is not null and not 0;
}

/// <summary>The rows of one breakdown, kept in a fixed order so that an added key lands where a reader expects it.</summary>
public sealed class EntryBreakdown(Breakdown dimension, ReportKeys keys, Func<EntryLine, (int Group, string Text)> order)
{
    private readonly List<EntryLine> _lines = [];

    public Breakdown Dimension { get; } = dimension;

    public IReadOnlyList<EntryLine> Lines => _lines;

    public bool Has(string key) => _lines.Any(l => l.Key == key);

    public void Add(string key)
    {
        if (Has(key))
        {
            return;
        }
        _lines.Add(new EntryLine(key, keys.Name(Dimension, key)));
        _lines.Sort((a, b) => order(a).CompareTo(order(b)));
    }

    public void Remove(EntryLine line) => _lines.Remove(line);

    public BreakdownSum Sum(int? total) =>
        new(_lines.Sum(l => (long)(l.Count ?? 0)), total, _lines.Any(l => l.Count is not null));

    /// <summary>The counts given, zeros included: an explicit zero is part of what the officer reports.</summary>
    public Dictionary<string, int> Counts() =>
        _lines.Where(l => l.Count is not null).ToDictionary(l => l.Key, l => l.Count!.Value, StringComparer.Ordinal);
}

/// <summary>The data entry form: a revision to correct, or a new month laid out with the keys of the region's previous report.</summary>
public sealed class ReportForm
{
    /// <summary>Every ISO alpha-2 code the platform can name a country for: what the country picker offers.</summary>
    public static IReadOnlyList<string> KnownCountryCodes { get; } =
        [.. from a in Enumerable.Range('A', 26) from b in Enumerable.Range('A', 26) let code = $"{(char)a}{(char)b}" where Names.IsCountryCode(code) select code];

    private ReportForm(ReportKeys keys)
    {
        var categoryOrder = keys.Categories.Select(c => c.Key).ToList();
        Categories = new EntryBreakdown(Breakdown.Category, keys, l => (categoryOrder.IndexOf(l.Key), ""));
        Sectors = new EntryBreakdown(Breakdown.Sector, keys, l => (0, l.Key));
        Countries = new EntryBreakdown(Breakdown.Country, keys, l => (l.Key == Names.OtherKey ? 1 : 0, l.Name));
        foreach (var category in keys.Categories)
        {
            Categories.Add(category.Key);
        }
    }

    public int? Total { get; set; }
    public int? Employers { get; set; }
    public int? LocalEmployees { get; set; }
    public string? Comment { get; set; }
    public bool MismatchConfirmed { get; set; }
    public string? MismatchReason { get; set; }

    public EntryBreakdown Categories { get; }
    public EntryBreakdown Sectors { get; }
    public EntryBreakdown Countries { get; }

    public IEnumerable<EntryBreakdown> Breakdowns => [Categories, Sectors, Countries];

    /// <summary>The revision a colleague saved while this form was open, shown beside the user's own figures.</summary>
    public RevisionView? Newer { get; private set; }

    public bool Mismatch => Breakdowns.Any(b => b.Sum(Total).Mismatch);

    public bool ReasonMissing => Mismatch && (!MismatchConfirmed || string.IsNullOrWhiteSpace(MismatchReason));

    public static ReportForm Create(ReportKeys keys, RevisionView? current, RevisionView? previous)
    {
        var form = new ReportForm(keys)
        {
            Total = current?.Total,
            Employers = current?.Employers,
            LocalEmployees = current?.LocalEmployees,
            Comment = current?.Comment,
            MismatchReason = current?.MismatchReason,
            MismatchConfirmed = current?.MismatchReason is not null,
        };
        foreach (var breakdown in form.Breakdowns)
        {
            var used = new[] { current, previous }.OfType<RevisionView>().SelectMany(r => r.Lines(breakdown.Dimension)).Where(l => l.Value != 0);
            foreach (var (key, _) in used)
            {
                breakdown.Add(key);
            }
            foreach (var line in breakdown.Lines)
            {
                line.Count = Find(current, breakdown.Dimension, line.Key);
            }
        }
        return form;
    }

    /// <summary>Lays a colleague's newer revision beside the user's figures, adding any key the user's form lacks.</summary>
    public void ShowNewer(RevisionView? newer)
    {
        Newer = newer;
        foreach (var breakdown in Breakdowns)
        {
            foreach (var key in newer?.Lines(breakdown.Dimension).Keys ?? [])
            {
                breakdown.Add(key);
            }
            foreach (var line in breakdown.Lines)
            {
                line.Newer = Find(newer, breakdown.Dimension, line.Key);
            }
        }
    }

    private static int? Find(RevisionView? revision, Breakdown dimension, string key) =>
        revision is not null && revision.Lines(dimension).TryGetValue(key, out var count) ? count : null;

    public ReportInput ToInput(string regionCode, DateOnly month) => new(
        regionCode, month, Total ?? 0, Categories.Counts(), Sectors.Counts(), Countries.Counts(),
        Employers, LocalEmployees, Comment,
        // A reason left over from an earlier mismatch would be stored against a report that now adds up.
        Mismatch && MismatchConfirmed ? MismatchReason : null);
}
