using System.Globalization;
using System.Text.RegularExpressions;
using static System.FormattableString;

namespace QuotaDashboard.SeedGenerator;

/// <summary>Re-reads the written files and lists every broken invariant (empty when all hold).</summary>
public static partial class InvariantChecker
{
    public static IReadOnlyList<string> Check(string dataDirectory)
    {
        var input = InputData.Read(dataDirectory);
        var problems = new List<string>();
        var reports = Csv.Read(Path.Combine(dataDirectory, IllustrativeDataGenerator.ReportsFileName), r => new ReportRow(
            DateOnly.ParseExact(Csv.Text(r, "month"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Csv.Text(r, "region"), Csv.Text(r, "figure"), Csv.Text(r, "key"), Csv.Int(r, "value")));

        var validKeys = new Dictionary<string, Func<string, bool>>
        {
            [ReportFigures.Total] = k => k == "", [ReportFigures.Employers] = k => k == "", [ReportFigures.LocalEmployees] = k => k == "",
            [ReportFigures.Category] = input.Categories.Contains, [ReportFigures.Sector] = input.Sectors.Contains,
            [ReportFigures.Country] = k => k == "other" || CountryCode().IsMatch(k),
        };
        foreach (var row in reports.Where(r => !validKeys.TryGetValue(r.Figure, out var valid) || !valid(r.Key) || !input.Regions.Contains(r.Region)))
            problems.Add(Invariant($"Unknown figure, key or region: {row.Month:yyyy-MM-dd},{row.Region},{row.Figure},{row.Key},{row.Value}"));

        var sortKey = reports.Select(r => (r.Month, r.Region, Figure: ReportFigures.Order.ToList().IndexOf(r.Figure),
            Key: r.Figure == ReportFigures.Category ? Invariant($"{Array.IndexOf(input.Categories, r.Key):D2}") : r.Key)).ToList();
        if (!sortKey.SequenceEqual(sortKey.OrderBy(k => k.Month).ThenBy(k => k.Region, StringComparer.Ordinal)
                .ThenBy(k => k.Figure).ThenBy(k => k.Key, StringComparer.Ordinal)) || sortKey.Distinct().Count() != sortKey.Count)
            problems.Add("Report rows are not sorted by month, region, figure and key, or repeat one.");

        var months = reports.Select(r => r.Month).Distinct().ToList();
        if (months.Count != 29 || months[0] != IllustrativeDataGenerator.FirstMonth || months[^1] != IllustrativeDataGenerator.LastMonth)
            problems.Add(Invariant($"Expected the 29 months {IllustrativeDataGenerator.FirstMonth:yyyy-MM-dd}..{IllustrativeDataGenerator.LastMonth:yyyy-MM-dd}."));
        problems.AddRange(reports.Where(r => r.Value < 0 || (ReportFigures.Breakdowns.Contains(r.Figure) && r.Value == 0))
            .Select(r => Invariant($"Negative count or zero breakdown row: {r.Month:yyyy-MM-dd},{r.Region},{r.Figure},{r.Key},{r.Value}")));

        foreach (var report in reports.GroupBy(r => (r.Month, r.Region)))
        {
            var total = report.Where(r => r.Figure == ReportFigures.Total).Select(r => r.Value).ToList();
            if (total.Count != 1 || report.Count(r => r.Figure == ReportFigures.Employers) != 1 || report.Count(r => r.Figure == ReportFigures.LocalEmployees) != 1)
                problems.Add(Invariant($"{report.Key.Month:yyyy-MM-dd} {report.Key.Region}: needs one total, employers and local_employees row."));
            foreach (var figure in ReportFigures.Breakdowns)
                if (report.Where(r => r.Figure == figure).Sum(r => r.Value) != total.Sum())
                    problems.Add(Invariant($"{report.Key.Month:yyyy-MM-dd} {report.Key.Region}: {figure} does not add up to the total {total.Sum()}."));
        }
        foreach (var month in months)
            if (reports.Count(r => r.Month == month && r.Figure == ReportFigures.Total) != input.Regions.Length)
                problems.Add(Invariant($"{month:yyyy-MM-dd}: not every region reports."));

        var sums = reports.GroupBy(r => (r.Month, r.Figure, r.Key)).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        int Sum(DateOnly month, string figure, string key) => sums.GetValueOrDefault((month, figure, key));
        foreach (var release in input.Releases.Where(f => months.Contains(f.Month)).GroupBy(f => f.Month))
        {
            var publishedTotal = release.Single(f => f.Figure == ReportFigures.Total).Value;
            var categories = release.Where(f => f.Figure == ReportFigures.Category).ToList();
            var exact = release.Where(f => f.Figure != ReportFigures.Category
                || categories.Count < input.Categories.Length || categories.Sum(c => c.Value) == publishedTotal);
            foreach (var f in exact.Where(f => Sum(f.Month, f.Figure, f.Key) != f.Value))
                problems.Add(Invariant($"{f.Month:yyyy-MM-dd} {f.Figure} {f.Key}: regions add up to {Sum(f.Month, f.Figure, f.Key)}, published {f.Value}."));
            // Six categories that disagree with the total: the regions follow the total and differ from the
            // release by exactly the published gap.
            var gap = categories.Sum(c => c.Value) - publishedTotal;
            if (categories.Count == input.Categories.Length && gap != 0
                && categories.Sum(c => Math.Abs(Sum(c.Month, c.Figure, c.Key) - c.Value)) != Math.Abs(gap))
                problems.Add(Invariant($"{release.Key:yyyy-MM-dd}: categories differ from the release by more than its gap of {gap}."));
        }

        var allocations = Csv.Read(Path.Combine(dataDirectory, IllustrativeDataGenerator.AllocationsFileName), r => new AllocationRow(
            Csv.Int(r, "year"), Csv.Int(r, "revision_sequence"), Csv.Text(r, "region"), Csv.Int(r, "units")));
        foreach (var revision in input.Revisions.Where(q => IllustrativeDataGenerator.AllocationYears.Contains(q.Year) && q.Units is not null))
        {
            var published = input.Allocations.Where(a => a.Year == revision.Year).Select(a => (a.Region, a.Units));
            var illustrative = allocations.Where(a => a.Year == revision.Year && a.RevisionSequence == revision.Sequence).Select(a => (a.Region, a.Units));
            var all = published.Concat(illustrative).ToList();
            if (all.Sum(a => a.Units) != revision.Units || all.Any(a => a.Units < 0)
                || !all.Select(a => a.Region).Order(StringComparer.Ordinal).SequenceEqual(input.Regions))
                problems.Add(Invariant($"{revision.Year} revision {revision.Sequence}: allocations do not cover each region once and add up to {revision.Units}."));
        }
        if (allocations.Any(a => !input.Revisions.Any(q => q.Year == a.Year && q.Sequence == a.RevisionSequence && q.Units is not null)))
            problems.Add("An allocation row names a revision without units.");
        return problems;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
