using System.Globalization;

namespace QuotaDashboard.SeedGenerator;

/// <summary>
/// Generates illustrative regional reports and allocations that add up to the published national figures.
/// Deterministic: the same input files always give byte-identical output.
/// </summary>
public static class IllustrativeDataGenerator
{
    public const string ReportsFileName = "illustrative-reports.csv";
    public const string AllocationsFileName = "illustrative-allocations.csv";
    public static readonly DateOnly FirstMonth = new(2023, 8, 1);
    public static readonly DateOnly LastMonth = new(2025, 12, 1);
    public static readonly IReadOnlyList<int> AllocationYears = [2023, 2024, 2025];

    // One turn of a sine in twelve steps: smooth month-to-month variation without transcendental functions,
    // whose last bits may differ between platforms.
    static readonly double[] Wave = [0, 0.5, 0.8660254037844386, 1, 0.8660254037844386, 0.5, 0, -0.5, -0.8660254037844386, -1, -0.8660254037844386, -0.5];

    public static GeneratedData Generate(string dataDirectory)
    {
        var input = InputData.Read(dataDirectory);
        var months = new List<DateOnly>();
        for (var m = FirstMonth; m <= LastMonth; m = m.AddMonths(1))
            months.Add(m);
        var national = NationalSeries.Build(input, months);
        var regions = input.Regions;

        var reports = new List<ReportRow>();
        var regionTotals = new int[months.Count][];
        for (var i = 0; i < months.Count; i++)
        {
            var n = national[i];
            var totals = regionTotals[i] = RegionTotals(regions, n, i);
            var splits = ReportFigures.Breakdowns.ToDictionary(f => f, f => Split(regions, totals, n.Breakdowns[f], i));
            var employers = ByRegion(regions, totals, n.Employers, ReportFigures.Employers, i);
            var localEmployees = ByRegion(regions, totals, n.LocalEmployees, ReportFigures.LocalEmployees, i);
            for (var r = 0; r < regions.Length; r++)
            {
                ReportRow Row(string figure, string key, int value) => new(months[i], regions[r], figure, key, value);
                reports.Add(Row(ReportFigures.Total, "", totals[r]));
                foreach (var figure in ReportFigures.Breakdowns)
                    for (var k = 0; k < n.Breakdowns[figure].Keys.Length; k++)
                        if (splits[figure][r, k] > 0)
                            reports.Add(Row(figure, n.Breakdowns[figure].Keys[k], splits[figure][r, k]));
                reports.Add(Row(ReportFigures.Employers, "", employers[r]));
                reports.Add(Row(ReportFigures.LocalEmployees, "", localEmployees[r]));
            }
        }
        return new GeneratedData(reports, Allocations(input, months, regionTotals));
    }

    public static void Write(GeneratedData data, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Csv.Write(Path.Combine(dataDirectory, ReportsFileName), ["month", "region", "figure", "key", "value"],
            data.Reports.Select(r => new[] { r.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Region, r.Figure, r.Key, Text(r.Value) }));
        Csv.Write(Path.Combine(dataDirectory, AllocationsFileName), ["year", "revision_sequence", "region", "units"],
            data.Allocations.Select(a => new[] { Text(a.Year), Text(a.RevisionSequence), a.Region, Text(a.Units) }));
    }

    static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Each region's share mixes its steady workforce with its share of seasonal work, which peaks in summer.</summary>
    static int[] RegionTotals(string[] regions, NationalMonth n, int month)
    {
        var seasonal = n.Breakdowns[ReportFigures.Category]["seasonal"] / (double)n.Total;
        var steady = regions.Select(RegionProfiles.Weight).ToArray();
        var warm = regions.Select(r => RegionProfiles.Weight(r) * RegionProfiles.Affinity("seasonal", r)).ToArray();
        var weights = regions.Select((r, j) =>
            ((1 - seasonal) * steady[j] / steady.Sum() + seasonal * warm[j] / warm.Sum()) * Variation(r, month, 0.04)).ToArray();
        return Apportion.LargestRemainder(n.Total, weights);
    }

    /// <summary>Region × key: seed of region size × key affinity, fitted to the regional totals and the national breakdown.</summary>
    static int[,] Split(string[] regions, int[] totals, Breakdown national, int month)
    {
        var seed = new double[regions.Length, national.Keys.Length];
        for (var r = 0; r < regions.Length; r++)
            for (var k = 0; k < national.Keys.Length; k++)
                seed[r, k] = RegionProfiles.Weight(regions[r]) * RegionProfiles.Affinity(national.Keys[k], regions[r])
                    * Variation(regions[r] + "|" + national.Keys[k], month, 0.05);
        return Apportion.Fit(seed, totals, national.Values);
    }

    static int[] ByRegion(string[] regions, int[] totals, int nationalValue, string figure, int month) =>
        Apportion.LargestRemainder(nationalValue, regions.Select((r, j) =>
            totals[j] * RegionProfiles.Affinity(figure, r) * Variation(r + "|" + figure, month, 0.03)).ToArray());

    /// <summary>Published allocations hold for every revision of their year; the other regions share the rest by their workers.</summary>
    static List<AllocationRow> Allocations(InputData input, List<DateOnly> months, int[][] regionTotals)
    {
        var rows = new List<AllocationRow>();
        foreach (var revision in input.Revisions.Where(q => AllocationYears.Contains(q.Year) && q.Units is not null)
                     .OrderBy(q => q.Year).ThenBy(q => q.Sequence))
        {
            var published = input.Allocations.Where(a => a.Year == revision.Year).ToDictionary(a => a.Region, a => a.Units);
            var open = input.Regions.Where(r => !published.ContainsKey(r)).ToList();
            var rest = revision.Units!.Value - published.Values.Sum();
            if (rest < 0)
                throw new InvalidDataException(FormattableString.Invariant($"Published allocations of {revision.Year} exceed revision {revision.Sequence}."));
            var inYear = Enumerable.Range(0, months.Count).Where(i => months[i].Year == revision.Year).ToList();
            var workers = open.Select(r => inYear.Average(i => (double)regionTotals[i][Array.IndexOf(input.Regions, r)])).ToArray();
            var units = Apportion.LargestRemainder(rest, workers);
            rows.AddRange(open.Select((r, j) => new AllocationRow(revision.Year, revision.Sequence, r, units[j])));
        }
        return rows;
    }

    // A stable hash (FNV-1a) places each series at its own phase of the wave; string.GetHashCode differs per process.
    static double Variation(string series, int month, double amplitude)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in series)
            hash = unchecked((hash ^ c) * 1099511628211UL);
        return 1 + amplitude * Wave[(int)(hash % 12 + (ulong)month) % 12];
    }
}
