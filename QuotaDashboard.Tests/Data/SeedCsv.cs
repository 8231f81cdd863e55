using System.Globalization;
using CsvHelper;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Data;

/// <summary>One row of releases.csv, as written.</summary>
public sealed record CsvReleaseRow(string AsOf, string Precision, string PublishedOn, string Figure, string Key, decimal Value, string Sources, string Note,
    string NoteRu = "", string NoteKk = "")
{
    /// <summary>A <c>yyyy-MM</c> as-of describes the month's first day.</summary>
    public DateOnly AsOfDate => SeedCsv.Date(AsOf.Length == 7 ? AsOf + "-01" : AsOf);

    public DatePrecision ExpectedPrecision => AsOf.Length == 7 ? DatePrecision.Month : DatePrecision.Day;

    public DateOnly? PublishedOnDate => PublishedOn.Length == 0 ? null : SeedCsv.Date(PublishedOn);

    public FigureKind Kind => SeedCsv.FigureKinds[Figure];
}

/// <summary>One row of illustrative-reports.csv, as written.</summary>
public sealed record CsvReportRow(DateOnly Month, string Region, string Figure, string Key, int Value);

/// <summary>
/// The seed CSV files read cell by cell, without the product's seeding code, so that the tests compare the
/// store with the files rather than the seeder with itself.
/// </summary>
public static class SeedCsv
{
    public static readonly DateOnly FirstRegionalMonth = new(2023, 8, 1);
    public static readonly DateOnly December2025 = new(2025, 12, 1);

    public static readonly IReadOnlyDictionary<string, FigureKind> FigureKinds = new Dictionary<string, FigureKind>
    {
        ["total"] = FigureKind.Total,
        ["category"] = FigureKind.Category,
        ["sector"] = FigureKind.Sector,
        ["country"] = FigureKind.Country,
        ["employers"] = FigureKind.Employers,
        ["local_employees_more_than"] = FigureKind.LocalEmployeesMoreThan,
        ["local_share_pct"] = FigureKind.LocalSharePct,
    };

    private static readonly Lazy<IReadOnlyList<CsvReleaseRow>> ReleaseRows = new(() => Read("releases.csv", r => new CsvReleaseRow(
        r.GetString("as_of"), r.GetString("as_of_precision"), r.GetString("published_on"), r.GetString("figure"), r.GetString("key"),
        decimal.Parse(r.GetString("value"), NumberStyles.Number, CultureInfo.InvariantCulture), r.GetString("sources"), r.GetString("note"),
        r.GetString("note_ru"), r.GetString("note_kk"))));

    private static readonly Lazy<IReadOnlyList<CsvReportRow>> ReportRows = new(() => Read("illustrative-reports.csv", r => new CsvReportRow(
        Date(r.GetString("month")), r.GetString("region"), r.GetString("figure"), r.GetString("key"),
        int.Parse(r.GetString("value"), NumberStyles.Integer, CultureInfo.InvariantCulture))));

    public static IReadOnlyList<CsvReleaseRow> Releases => ReleaseRows.Value;

    public static IReadOnlyList<CsvReportRow> IllustrativeReports => ReportRows.Value;

    public static IReadOnlyList<string> RegionCodes { get; } = Read("regions.csv", r => r.GetString("code"));

    public static IReadOnlyList<CsvReleaseRow> Release(DateOnly asOf) => Releases.Where(r => r.AsOfDate == asOf).ToList();

    public static int IllustrativeTotal(string region, DateOnly month) =>
        IllustrativeReports.Single(r => r.Region == region && r.Month == month && r.Figure == "total").Value;

    /// <summary>The regional totals of each month, summed over every region of the file.</summary>
    public static IReadOnlyList<(DateOnly Month, long Total)> IllustrativeMonthlySums() =>
        IllustrativeReports.Where(r => r.Figure == "total").GroupBy(r => r.Month).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(r => (long)r.Value))).ToList();

    public static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int Count(string fileName) => Read(fileName, _ => 0).Count;

    /// <summary>One column of a seed file by the value of its key column, such as the Kazakh names of regions by code.</summary>
    public static IReadOnlyDictionary<string, string> Column(string fileName, string keyColumn, string column) =>
        Read(fileName, r => (Key: r.GetString(keyColumn), Value: r.GetString(column))).ToDictionary(r => r.Key, r => r.Value);

    private static List<T> Read<T>(string fileName, Func<CsvReader, T> map)
    {
        using var csv = CsvReader.FromFile(Path.Combine(RepositoryPaths.DataDirectory, fileName), new CsvReaderOptions { Separator = ',' });
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(map(csv));
        }
        return rows;
    }
}
