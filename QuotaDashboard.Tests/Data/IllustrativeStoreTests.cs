using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;
using static System.FormattableString;

namespace QuotaDashboard.Tests.Data;

/// <summary>The illustrative regional data as the store holds it, checked against the published figures the store also holds.</summary>
public sealed class IllustrativeStoreTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Every_region_reports_on_every_release_date_from_2023_08_and_the_totals_add_up_to_the_published_total()
    {
        await using var db = store.CreateContext();
        var published = await PublishedAsync(db, FigureKind.Total);
        var regional = await db.Reports.AsNoTracking()
            .Where(r => r.CurrentRevisionId != null && r.Month >= SeedCsv.FirstRegionalMonth)
            .GroupBy(r => r.Month)
            .Select(g => new { Month = g.Key, Total = g.Sum(r => (long)r.CurrentRevision!.Total), Regions = g.Count() })
            .ToDictionaryAsync(g => g.Month);

        Assert.Equal(19, published.Count);
        Assert.All(published, p =>
        {
            Assert.True(regional.TryGetValue(p.AsOf, out var sum), Invariant($"no regional report on {p.AsOf}"));
            Assert.Equal(SeedCsv.RegionCodes.Count, sum!.Regions);
            Assert.Equal((long)p.Value, sum.Total);
        });
    }

    [Fact]
    public async Task Regional_breakdown_lines_add_up_to_every_published_sector_and_country_figure_from_2023_08()
    {
        await using var db = store.CreateContext();
        var published = (await PublishedAsync(db, FigureKind.Sector)).Concat(await PublishedAsync(db, FigureKind.Country)).ToList();
        var sums = await (
                from r in db.Reports
                where r.CurrentRevisionId != null && r.Month >= SeedCsv.FirstRegionalMonth
                join l in db.BreakdownLines on r.CurrentRevisionId equals (int?)l.RevisionId
                group l by new { r.Month, l.Dimension, l.Key } into g
                select new { g.Key.Month, g.Key.Dimension, g.Key.Key, Sum = g.Sum(l => (long)l.Count) })
            .AsNoTracking()
            .ToDictionaryAsync(s => (s.Month, s.Dimension, s.Key), s => s.Sum);

        var problems = published
            .Select(p => (p, Sum: sums.GetValueOrDefault((p.AsOf, p.Figure == FigureKind.Sector ? Breakdown.Sector : Breakdown.Country, p.Key))))
            .Where(x => x.Sum != (long)x.p.Value)
            .Select(x => Invariant($"{x.p.AsOf} {x.p.Figure} {x.p.Key}: regions add up to {x.Sum}, published {x.p.Value}"))
            .ToList();

        Assert.True(published.Count > 100, $"only {published.Count} published sector and country figures from 2023-08 on");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_stored_report_has_category_sector_and_country_breakdowns_that_each_add_up_to_its_total()
    {
        await using var db = store.CreateContext();
        var reports = await db.Reports.CountAsync(r => r.CurrentRevisionId != null);
        var sums = await (
                from r in db.Reports
                join v in db.Revisions on r.CurrentRevisionId equals (int?)v.Id
                join l in db.BreakdownLines on v.Id equals l.RevisionId
                group l by new { r.RegionCode, r.Month, v.Total, l.Dimension } into g
                select new { g.Key.RegionCode, g.Key.Month, g.Key.Total, g.Key.Dimension, Sum = g.Sum(l => (long)l.Count) })
            .AsNoTracking()
            .ToListAsync();

        Assert.Equal(580, reports);
        Assert.Equal(reports * Enum.GetValues<Breakdown>().Length, sums.Count);
        Assert.Empty(sums.Where(s => s.Sum != s.Total).Select(s => Invariant($"{s.RegionCode} {s.Month} {s.Dimension}: {s.Sum} against a total of {s.Total}")));
    }

    private sealed record Published(DateOnly AsOf, FigureKind Figure, string Key, decimal Value);

    private static Task<List<Published>> PublishedAsync(QuotaDbContext db, FigureKind kind) =>
        db.Releases.AsNoTracking()
            .Where(r => r.AsOf >= SeedCsv.FirstRegionalMonth)
            .SelectMany(r => r.Figures.Where(f => f.Figure == kind), (r, f) => new Published(r.AsOf, f.Figure, f.Key, f.Value))
            .ToListAsync();
}
