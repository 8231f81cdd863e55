using QuotaDashboard.Data;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Releases;

namespace QuotaDashboard.Components.Pages.Releases;

/// <summary>One figure of the release form; an empty <see cref="Value"/> is a figure the release does not give, never zero.</summary>
public sealed class FigureRow(FigureKind figure, string key)
{
    public FigureKind Figure { get; } = figure;
    public string Key { get; set; } = key;
    public decimal? Value { get; set; }
    /// <summary>Where it differs from the release's own sources.</summary>
    public string? Sources { get; set; }
    public string? Note { get; set; }
    public string? NoteRu { get; set; }
    public string? NoteKk { get; set; }
    /// <summary>The sentence of the published text the figure was read from.</summary>
    public string? Sentence { get; set; }

    public string Id => Key.Length == 0 ? FigureNames.Name(Figure) : $"{FigureNames.Name(Figure)}-{Key}";
}

/// <summary>What the release form holds while the analyst types: the fixed figures, the six categories, and any sectors and countries.</summary>
public sealed class ReleaseFormModel
{
    public DateTime? AsOf { get; set; }
    public bool DayStated { get; set; } = true;
    public DateTime? PublishedOn { get; set; }
    public string Sources { get; set; } = "";
    public string? Comment { get; set; }
    /// <summary>The version a correction starts from; null for a new release.</summary>
    public int? CorrectsVersion { get; set; }

    public FigureRow Total { get; } = new(FigureKind.Total, "");
    public FigureRow Employers { get; } = new(FigureKind.Employers, "");
    public FigureRow LocalEmployees { get; } = new(FigureKind.LocalEmployeesMoreThan, "");
    public FigureRow LocalShare { get; } = new(FigureKind.LocalSharePct, "");
    public List<FigureRow> Categories { get; } = [];
    public List<FigureRow> Sectors { get; } = [];
    public List<FigureRow> Countries { get; } = [];

    public ReleaseFormModel(IEnumerable<string> categoryKeys)
    {
        Categories.AddRange(categoryKeys.Select(k => new FigureRow(FigureKind.Category, k)));
    }

    public IEnumerable<FigureRow> Rows => [Total, .. Categories, .. Sectors, .. Countries, Employers, LocalEmployees, LocalShare];

    public FigureRow Row(FigureKind figure, string key) => Rows.FirstOrDefault(r => r.Figure == figure && r.Key == key) ?? AddRow(figure, key);

    public FigureRow AddRow(FigureKind figure, string key)
    {
        var row = new FigureRow(figure, key);
        (figure == FigureKind.Sector ? Sectors : Countries).Add(row);
        return row;
    }

    public void Remove(FigureRow row)
    {
        Sectors.Remove(row);
        Countries.Remove(row);
    }

    public IReadOnlyList<ReleaseFigureInput> Figures => Rows
        .Where(r => r.Value is not null)
        .Select(r => new ReleaseFigureInput(r.Figure, r.Figure is FigureKind.Country or FigureKind.Sector ? r.Key.Trim().ToUpperInvariant() : r.Key,
            r.Value!.Value, string.IsNullOrWhiteSpace(r.Sources) ? Sources : r.Sources, r.Note, r.NoteRu, r.NoteKk))
        .ToList();

    public ReleaseInput ToInput() => new(
        AsOf is { } asOf ? new DateOnly(asOf.Year, asOf.Month, 1) : default,
        DayStated ? DatePrecision.Day : DatePrecision.Month,
        PublishedOn is { } published ? DateOnly.FromDateTime(published) : null,
        Figures,
        Comment);

    /// <summary>The form of a stored version, to correct it.</summary>
    public static ReleaseFormModel From(ReleaseInput input, int version, IEnumerable<string> categoryKeys)
    {
        var form = new ReleaseFormModel(categoryKeys)
        {
            AsOf = input.AsOf.ToDateTime(TimeOnly.MinValue),
            DayStated = input.Precision == DatePrecision.Day,
            PublishedOn = input.PublishedOn?.ToDateTime(TimeOnly.MinValue),
            CorrectsVersion = version,
        };
        // The sources most figures share become the release's; a figure with others keeps its own.
        form.Sources = input.Figures.GroupBy(f => f.Sources).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "";
        foreach (var figure in input.Figures)
        {
            var row = form.Row(figure.Figure, figure.Key);
            row.Value = figure.Value;
            row.Note = figure.Note;
            row.NoteRu = figure.NoteRu;
            row.NoteKk = figure.NoteKk;
            row.Sources = figure.Sources == form.Sources ? null : figure.Sources;
        }
        return form;
    }

    /// <summary>The problems of one row, among those the save returned.</summary>
    public static IEnumerable<Problem> ProblemsOf(IEnumerable<Problem> problems, FigureRow row) =>
        problems.Where(p => p.Field == FigureNames.Name(row.Figure) && (p.Key ?? "") == row.Key);
}
