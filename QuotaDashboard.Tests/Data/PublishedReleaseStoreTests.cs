using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;
using static System.FormattableString;

namespace QuotaDashboard.Tests.Data;

public sealed class PublishedReleaseStoreTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_store_holds_24_releases_from_2020_09_to_2025_12_one_per_as_of_date_of_the_file()
    {
        await using var db = store.CreateContext();

        var stored = await db.Releases.OrderBy(r => r.AsOf).Select(r => r.AsOf).ToListAsync();

        Assert.Equal(24, stored.Count);
        Assert.Equal(new DateOnly(2020, 9, 1), stored[0]);
        Assert.Equal(SeedCsv.December2025, stored[^1]);
        Assert.Equal(SeedCsv.Releases.Select(r => r.AsOfDate).Distinct().Order(), stored);
    }

    [Fact]
    public async Task Every_release_is_stored_with_the_as_of_date_precision_and_publication_date_of_the_file()
    {
        await using var db = store.CreateContext();
        var stored = await db.Releases.AsNoTracking().ToDictionaryAsync(r => r.AsOf);

        var problems = new List<string>();
        foreach (var row in SeedCsv.Releases)
        {
            var release = stored[row.AsOfDate];
            if (release.AsOfPrecision != row.ExpectedPrecision || row.Precision != row.ExpectedPrecision.ToString().ToLowerInvariant())
                problems.Add(Invariant($"{row.AsOf}: precision {release.AsOfPrecision} stored, '{row.Precision}' in the file"));
            if (release.PublishedOn != row.PublishedOnDate)
                problems.Add(Invariant($"{row.AsOf}: published on {release.PublishedOn} stored, '{row.PublishedOn}' in the file"));
        }

        Assert.Empty(problems);
        Assert.Equal(DatePrecision.Month, stored[new DateOnly(2025, 3, 1)].AsOfPrecision);
        Assert.Equal(new DateOnly(2025, 12, 25), stored[SeedCsv.December2025].PublishedOn);
        Assert.Null(stored[new DateOnly(2022, 4, 1)].PublishedOn);
    }

    [Fact]
    public async Task Every_figure_of_releases_csv_is_stored_exactly_with_its_value_sources_and_note()
    {
        await using var db = store.CreateContext();
        var stored = await db.Releases.AsNoTracking()
            .SelectMany(r => r.Figures, (r, f) => new { r.AsOf, f.Figure, f.Key, f.Value, f.Sources, f.Note })
            .ToListAsync();
        var byKey = stored.ToDictionary(f => (f.AsOf, f.Figure, f.Key));

        var problems = new List<string>();
        foreach (var row in SeedCsv.Releases)
        {
            if (!byKey.TryGetValue((row.AsOfDate, row.Kind, row.Key), out var figure))
            {
                problems.Add(Invariant($"{row.AsOf} {row.Figure} {row.Key}: not stored"));
                continue;
            }
            if (figure.Value != row.Value)
                problems.Add(Invariant($"{row.AsOf} {row.Figure} {row.Key}: value {figure.Value} stored, {row.Value} in the file"));
            if (figure.Sources != row.Sources)
                problems.Add(Invariant($"{row.AsOf} {row.Figure} {row.Key}: sources '{figure.Sources}' stored, '{row.Sources}' in the file"));
            if (figure.Note != (row.Note.Length == 0 ? null : row.Note))
                problems.Add(Invariant($"{row.AsOf} {row.Figure} {row.Key}: note '{figure.Note}' stored, '{row.Note}' in the file"));
        }

        Assert.Empty(problems);
        Assert.Equal(SeedCsv.Releases.Count, stored.Count);
    }

    [Fact]
    public async Task A_release_holds_only_the_figures_it_published()
    {
        await using var db = store.CreateContext();

        var perRelease = await db.Releases.Select(r => new { r.AsOf, Count = r.Figures.Count }).ToDictionaryAsync(r => r.AsOf, r => r.Count);

        Assert.Equal(SeedCsv.Releases.GroupBy(r => r.AsOfDate).ToDictionary(g => g.Key, g => g.Count()), perRelease);
        Assert.Equal(1, perRelease[new DateOnly(2024, 5, 1)]);
    }
}
