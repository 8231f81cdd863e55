using System.Globalization;
using CsvHelper;

namespace QuotaDashboard.SeedGenerator;

/// <summary>A published national figure, on the first day of the month it describes.</summary>
internal sealed record PublishedFigure(DateOnly Month, string Figure, string Key, int Value);

internal sealed record QuotaRevision(int Year, int Sequence, int? Units);

internal sealed record PublishedAllocation(int Year, string Region, int Units);

internal sealed record InputData(
    string[] Regions,
    string[] Categories,
    string[] Sectors,
    IReadOnlyList<PublishedFigure> Releases,
    IReadOnlyList<QuotaRevision> Revisions,
    IReadOnlyList<PublishedAllocation> Allocations)
{
    public static InputData Read(string dir) => new(
        Csv.Read(Path.Combine(dir, "regions.csv"), r => Csv.Text(r, "code")).Order(StringComparer.Ordinal).ToArray(),
        Csv.Read(Path.Combine(dir, "categories.csv"), r => (Key: Csv.Text(r, "key"), Order: Csv.Int(r, "order")))
            .OrderBy(c => c.Order).Select(c => c.Key).ToArray(),
        Csv.Read(Path.Combine(dir, "sectors.csv"), r => Csv.Text(r, "letter")).Order(StringComparer.Ordinal).ToArray(),
        ReadReleases(Path.Combine(dir, "releases.csv")),
        Csv.Read(Path.Combine(dir, "quota-revisions.csv"), r => new QuotaRevision(
            Csv.Int(r, "year"), Csv.Int(r, "sequence"), Csv.Text(r, "units") is "" ? null : Csv.Int(r, "units"))),
        Csv.Read(Path.Combine(dir, "allocations.csv"), r => new PublishedAllocation(
            Csv.Int(r, "year"), Csv.Text(r, "region"), Csv.Int(r, "units"))));

    // as_of is "yyyy-MM-dd" or, with precision "month", "yyyy-MM": both describe the month's first day.
    public static DateOnly Month(string asOf) =>
        DateOnly.ParseExact(asOf[..7] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static List<PublishedFigure> ReadReleases(string path) =>
        Csv.Read(path, r => Csv.Text(r, "figure") switch
        {
            "local_share_pct" => null, // a percentage, not a count of people
            var figure => new PublishedFigure(Month(Csv.Text(r, "as_of")),
                figure == "local_employees_more_than" ? ReportFigures.LocalEmployees : figure,
                Csv.Text(r, "key"), Csv.Int(r, "value")),
        }).OfType<PublishedFigure>().ToList();
}

internal static class Csv
{
    static readonly CsvReaderOptions ReaderOptions = new() { Separator = ',', FormatProvider = CultureInfo.InvariantCulture };
    static readonly CsvWriterOptions WriterOptions = new() { Separator = ',', NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    public static List<T> Read<T>(string path, Func<CsvReader, T> map)
    {
        using var csv = CsvReader.FromFile(path, ReaderOptions);
        var rows = new List<T>();
        while (csv.Read())
            rows.Add(map(csv));
        return rows;
    }

    public static string Text(CsvReader row, string name) => row.GetString(name);

    public static int Int(CsvReader row, string name) => row.Parse<int>(name);

    public static void Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        using var csv = CsvWriter.Create(File.Create(path), WriterOptions, leaveOpen: false);
        csv.WriteHeader(header);
        foreach (var row in rows)
            csv.WriteRecord(row);
    }
}
