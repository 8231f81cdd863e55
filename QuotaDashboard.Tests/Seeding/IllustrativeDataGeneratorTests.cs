using CsvHelper;
using QuotaDashboard.SeedGenerator;
using static System.FormattableString;

namespace QuotaDashboard.Tests.Seeding;

public class IllustrativeDataGeneratorTests
{
    static readonly string DataDirectory = Path.Combine(FindRepositoryRoot(), "data");
    static readonly Lazy<GeneratedData> Generated = new(() => IllustrativeDataGenerator.Generate(DataDirectory));
    static readonly string[] Breakdowns = ["category", "sector", "country"];
    const int CategoryCount = 6;

    [Fact]
    public void Generating_again_reproduces_the_committed_csv_files_byte_for_byte()
    {
        var fresh = Directory.CreateTempSubdirectory("illustrative-");
        try
        {
            IllustrativeDataGenerator.Write(Generated.Value, fresh.FullName);

            foreach (var file in new[] { IllustrativeDataGenerator.ReportsFileName, IllustrativeDataGenerator.AllocationsFileName })
            {
                var committed = File.ReadAllBytes(Path.Combine(DataDirectory, file));
                var regenerated = File.ReadAllBytes(Path.Combine(fresh.FullName, file));
                Assert.True(committed.AsSpan().SequenceEqual(regenerated),
                    $"data/{file} differs from a fresh run: run `dotnet run --project tools/QuotaDashboard.SeedGenerator -- data` and commit the result.");
            }
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_region_reports_every_month_and_each_breakdown_adds_up_to_its_total()
    {
        var reports = Generated.Value.Reports;
        var regions = Read("regions.csv", r => r.GetString("code"));
        var problems = new List<string>();

        Assert.All(reports, r => Assert.True(r.Value >= 0, $"negative count: {r}"));
        Assert.Equal(29, reports.Select(r => r.Month).Distinct().Count());
        foreach (var report in reports.GroupBy(r => (r.Month, r.Region)))
        {
            var total = Assert.Single(report, r => r.Figure == "total").Value;
            foreach (var figure in Breakdowns)
            {
                var sum = report.Where(r => r.Figure == figure).Sum(r => r.Value);
                if (sum != total)
                    problems.Add(Invariant($"{report.Key.Month:yyyy-MM-dd} {report.Key.Region}: {figure} adds up to {sum}, total {total}"));
            }
        }
        foreach (var month in reports.GroupBy(r => r.Month))
            Assert.Equal(regions.Order(StringComparer.Ordinal), month.Where(r => r.Figure == "total").Select(r => r.Region));

        Assert.Empty(problems);
    }

    [Fact]
    public void Regional_sums_equal_every_published_total_sector_and_country_figure()
    {
        var published = PublishedInRange().Where(f => f.Figure is "total" or "sector" or "country").ToList();

        Assert.NotEmpty(published);
        Assert.Empty(Mismatches(published));
    }

    [Fact]
    public void Regional_employers_and_local_employees_add_up_to_the_published_figures()
    {
        var published = PublishedInRange().Where(f => f.Figure is "employers" or "local_employees").ToList();

        Assert.NotEmpty(published);
        Assert.Empty(Mismatches(published));
    }

    [Fact]
    public void Regional_categories_equal_the_published_ones_and_follow_the_total_where_the_release_disagrees_with_itself()
    {
        var sums = NationalSums();
        var problems = new List<string>();
        foreach (var release in PublishedInRange().GroupBy(f => f.Month))
        {
            var total = release.Single(f => f.Figure == "total").Value;
            var categories = release.Where(f => f.Figure == "category").ToList();
            var gap = categories.Sum(c => c.Value) - total;
            if (categories.Count < CategoryCount || gap == 0)
                problems.AddRange(Mismatches(categories));
            else
            {
                // The release contradicts itself (2025-09..12): regions keep to the total, so the categories
                // may differ from the release by exactly the published gap and no more.
                var difference = categories.Sum(c => Math.Abs(sums.GetValueOrDefault((c.Month, c.Figure, c.Key)) - c.Value));
                if (difference != Math.Abs(gap))
                    problems.Add(Invariant($"{release.Key:yyyy-MM-dd}: categories differ from the release by {difference}, its own gap is {gap}"));
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Allocations_add_up_to_the_units_of_every_quota_revision_of_2023_to_2025()
    {
        var regions = Read("regions.csv", r => r.GetString("code")).Order(StringComparer.Ordinal).ToList();
        var published = Read("allocations.csv", r => (Year: r.Parse<int>("year"), Region: r.GetString("region"), Units: r.Parse<int>("units")));
        var revisions = Read("quota-revisions.csv", r => (Year: r.Parse<int>("year"), Sequence: r.Parse<int>("sequence"), Units: r.GetString("units")))
            .Where(q => q.Year is >= 2023 and <= 2025 && q.Units != "")
            .ToList();

        Assert.Equal(4, revisions.Count(q => q.Year == 2025));
        foreach (var revision in revisions)
        {
            var allocations = published.Where(a => a.Year == revision.Year).Select(a => (a.Region, a.Units))
                .Concat(Generated.Value.Allocations.Where(a => a.Year == revision.Year && a.RevisionSequence == revision.Sequence)
                    .Select(a => (a.Region, a.Units)))
                .ToList();

            Assert.Equal(regions, allocations.Select(a => a.Region).Order(StringComparer.Ordinal));
            Assert.All(allocations, a => Assert.True(a.Units >= 0));
            Assert.Equal(int.Parse(revision.Units, System.Globalization.CultureInfo.InvariantCulture), allocations.Sum(a => a.Units));
        }
    }

    static List<string> Mismatches(IEnumerable<Published> figures)
    {
        var sums = NationalSums();
        return figures
            .Where(f => sums.GetValueOrDefault((f.Month, f.Figure, f.Key)) != f.Value)
            .Select(f => Invariant($"{f.Month:yyyy-MM-dd} {f.Figure} {f.Key}: regions add up to {sums.GetValueOrDefault((f.Month, f.Figure, f.Key))}, published {f.Value}"))
            .ToList();
    }

    static Dictionary<(DateOnly Month, string Figure, string Key), int> NationalSums() =>
        Generated.Value.Reports.GroupBy(r => (r.Month, r.Figure, r.Key)).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));

    sealed record Published(DateOnly Month, string Figure, string Key, int Value);

    // as_of is "yyyy-MM-dd" or "yyyy-MM" (precision month): both mean the first day of that month.
    static List<Published> PublishedInRange() =>
        Read("releases.csv", r => (AsOf: r.GetString("as_of"), Figure: r.GetString("figure"), Key: r.GetString("key"), Value: r.GetString("value")))
            .Where(f => f.Figure != "local_share_pct")
            .Select(f => new Published(
                DateOnly.ParseExact(f.AsOf[..7] + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                f.Figure == "local_employees_more_than" ? "local_employees" : f.Figure,
                f.Key,
                int.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(f => f.Month >= new DateOnly(2023, 8, 1) && f.Month <= new DateOnly(2025, 12, 1))
            .ToList();

    static List<T> Read<T>(string file, Func<CsvReader, T> map)
    {
        using var csv = CsvReader.FromFile(Path.Combine(DataDirectory, file), new CsvReaderOptions { Separator = ',' });
        var rows = new List<T>();
        while (csv.Read())
            rows.Add(map(csv));
        return rows;
    }

    static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QuotaDashboard.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains QuotaDashboard.sln.");
    }
}
