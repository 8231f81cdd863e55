using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

/// <summary>Reads regional reports straight from the store, and builds report input from them, for tests that check or change them.</summary>
public static class StoredReports
{
    /// <summary>The current revision of a stored report as the input that would save it again unchanged.</summary>
    public static Task<ReportInput> CurrentInputAsync(SeededDatabase store, string region, DateOnly month) =>
        CurrentInputAsync(store.Services, region, month);

    public static async Task<ReportInput> CurrentInputAsync(IServiceProvider services, string region, DateOnly month)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        var revision = await db.Revisions.AsNoTracking()
            .Include(v => v.Lines)
            .SingleAsync(v => v.Report!.RegionCode == region && v.Report.Month == month && v.Report.CurrentRevisionId == v.Id);
        IReadOnlyDictionary<string, int> Lines(Breakdown dimension) =>
            revision.Lines.Where(l => l.Dimension == dimension).OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary(l => l.Key, l => l.Count);
        return new ReportInput(region, month, revision.Total, Lines(Breakdown.Category), Lines(Breakdown.Sector), Lines(Breakdown.Country),
            revision.Employers, revision.LocalEmployees, revision.Comment, revision.MismatchReason);
    }

    /// <summary>The same report with <paramref name="extra"/> more workers, in the total and in one key of every breakdown, so that each still adds up.</summary>
    public static ReportInput WithExtra(this ReportInput input, int extra) => input with
    {
        Total = input.Total + extra,
        Categories = AddToFirst(input.Categories, extra),
        Sectors = AddToFirst(input.Sectors, extra),
        Countries = AddToFirst(input.Countries, extra),
    };

    /// <summary>A small report that adds up, for a region and month the store may not hold yet.</summary>
    public static ReportInput Simple(string region, DateOnly month, int total) => new(region, month, total,
        new Dictionary<string, int> { ["cat3"] = total },
        new Dictionary<string, int> { ["F"] = total },
        new Dictionary<string, int> { ["CN"] = total });

    /// <summary>Accepts, as an analyst, the revision of the report that waits for review, and returns its number.</summary>
    public static Task<int> AcceptSubmittedAsync(SeededDatabase store, string region, DateOnly month) =>
        AcceptSubmittedAsync(store.Services, region, month);

    public static async Task<int> AcceptSubmittedAsync(IServiceProvider services, string region, DateOnly month)
    {
        int number;
        await using (var db = await services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync())
        {
            number = await db.Revisions.AsNoTracking()
                .Where(v => v.Report!.RegionCode == region && v.Report.Month == month && v.State == RevisionState.Submitted)
                .Select(v => v.Number)
                .SingleAsync();
        }
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReviewCommands>()
            .AcceptAsync(new RevisionKey(region, month, number), TestUsers.Analyst("reviewing.analyst@test.kz"));
        Assert.Equal(new ReviewResult.Decided(RevisionState.Accepted), result);
        return number;
    }

    public static async Task<IReadOnlyList<PermitReportRevision>> RevisionsAsync(SeededDatabase store, string region, DateOnly month)
    {
        await using var db = store.CreateContext();
        return await db.Revisions.AsNoTracking()
            .Where(v => v.Report!.RegionCode == region && v.Report.Month == month)
            .OrderBy(v => v.Number)
            .ToListAsync();
    }

    public static async Task<PermitReport> ReportAsync(SeededDatabase store, string region, DateOnly month)
    {
        await using var db = store.CreateContext();
        return await db.Reports.AsNoTracking().SingleAsync(r => r.RegionCode == region && r.Month == month);
    }

    /// <summary>Every region's latest report on or before the month, summed here rather than by the product's query.</summary>
    public static async Task<(long Total, int Regions)> LatestRegionalSumAsync(SeededDatabase store, DateOnly month)
    {
        await using var db = store.CreateContext();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Month <= month && r.CurrentRevisionId != null)
            .Select(r => new { r.RegionCode, r.Month, r.CurrentRevision!.Total })
            .ToListAsync();
        var latest = reports.GroupBy(r => r.RegionCode).Select(g => g.MaxBy(r => r.Month)!).ToList();
        return (latest.Sum(r => (long)r.Total), latest.Count);
    }

    private static Dictionary<string, int> AddToFirst(IReadOnlyDictionary<string, int> counts, int extra)
    {
        var first = counts.Keys.Order(StringComparer.Ordinal).First();
        return counts.ToDictionary(c => c.Key, c => c.Key == first ? c.Value + extra : c.Value);
    }
}
