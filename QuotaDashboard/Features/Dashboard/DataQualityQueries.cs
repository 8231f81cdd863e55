using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>Every disagreement the record holds: in the published releases, between them and the regional reports, in the quota.</summary>
public sealed class DataQualityQueries(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache cache, ReferenceNames reference)
{
    /// <summary>The issues <paramref name="reader"/> may see: the national ones, and the regional ones of the regions they may read.</summary>
    public async Task<IReadOnlyList<QualityIssue>> GetIssuesAsync(ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(null);
        var report = await cache.QualityAsync(async token => new QualityReport(await ComputeIssuesAsync(token)), ct);
        return report.Issues.Where(i => i.RegionCode is null || reader.CanRead(i.RegionCode)).ToList();
    }

    private async Task<IReadOnlyList<QualityIssue>> ComputeIssuesAsync(CancellationToken ct)
    {
        var categoryCount = (await reference.GetAsync(ct)).Categories.Count;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var issues = new List<QualityIssue>();

        var releaseSums = await ReleaseSums[db](db).ToListAsync(ct);
        issues.AddRange(releaseSums
            .Where(r => r.CategoryCount == categoryCount && r.Total is { } total && (decimal)total != r.Categories)
            .Select(r => new QualityIssue(QualityKind.BreakdownGap, r.AsOf, "categories", (decimal)r.Total!.Value, r.Categories, null)));
        // Sectors and countries name only the largest, so only a sum above the total is a disagreement.
        issues.AddRange(releaseSums
            .Where(r => r.Total is { } total && (decimal)total < r.Sectors)
            .Select(r => new QualityIssue(QualityKind.BreakdownGap, r.AsOf, "sectors", (decimal)r.Total!.Value, r.Sectors, null)));
        issues.AddRange(releaseSums
            .Where(r => r.Total is { } total && (decimal)total < r.Countries)
            .Select(r => new QualityIssue(QualityKind.BreakdownGap, r.AsOf, "countries", (decimal)r.Total!.Value, r.Countries, null)));

        var regionalSums = (await DashboardQueries.MonthlySums[db](db, null).ToListAsync(ct)).ToDictionary(x => x.Month, x => x.Total);
        issues.AddRange(releaseSums
            .Where(r => r.Total is not null && regionalSums.TryGetValue(r.AsOf, out var sum) && sum != (long)r.Total.Value)
            .Select(r => new QualityIssue(QualityKind.PublishedVsRegional, r.AsOf, "total", (decimal)r.Total!.Value, regionalSums[r.AsOf], null)));

        var mismatches = await Mismatches[db](db).ToListAsync(ct);
        issues.AddRange(mismatches.Select(m => new QualityIssue(QualityKind.RegionalMismatch, m.Month,
            $"{m.RegionCode} {m.Dimension.ToString().ToLowerInvariant()}", m.Total, m.Sum, m.MismatchReason, m.RegionCode)));

        var shares = await Shares[db](db).ToListAsync(ct);
        foreach (var year in shares.GroupBy(q => q.Year))
        {
            var implied = year.Select(q => new { q.PublishedWording, q.Units, q.SharePct, LabourForce = QuotaRules.ImpliedLabourForce(q.Units, q.SharePct)!.Value }).ToList();
            if (QuotaRules.LabourForcesDisagree(implied.Select(i => i.LabourForce)))
            {
                issues.AddRange(implied.Select(i => new QualityIssue(QualityKind.QuotaLabourForce, null, i.PublishedWording.En,
                    i.Units!.Value, Math.Round(i.LabourForce), i.SharePct?.ToString(System.Globalization.CultureInfo.InvariantCulture), Words: i.PublishedWording)));
            }
        }

        var notes = await Notes[db](db).ToListAsync(ct);
        issues.AddRange(notes.OrderByDescending(n => n.AsOf).Select(n => new QualityIssue(QualityKind.SourceNote, n.AsOf, "note", null, null, n.Note.En, Words: n.Note)));
        return issues;
    }

    private sealed record ReleaseSum(DateOnly AsOf, double? Total, decimal Categories, int CategoryCount, decimal Sectors, decimal Countries);

    private static readonly StoreQuery<Func<QuotaDbContext, IAsyncEnumerable<ReleaseSum>>> ReleaseSums = new(() => EF.CompileAsyncQuery<QuotaDbContext, ReleaseSum>(
        (QuotaDbContext db) => db.PublishedFigures
            .GroupBy(f => f.ReleaseId)
            .Select(g => new
            {
                ReleaseId = g.Key,
                Total = g.Where(f => f.Figure == FigureKind.Total).Sum(f => (double?)f.Value),
                Categories = g.Where(f => f.Figure == FigureKind.Category).Sum(f => f.Value),
                CategoryCount = g.Count(f => f.Figure == FigureKind.Category),
                Sectors = g.Where(f => f.Figure == FigureKind.Sector).Sum(f => f.Value),
                Countries = g.Where(f => f.Figure == FigureKind.Country).Sum(f => f.Value),
            })
            .Join(db.Releases, s => s.ReleaseId, r => r.Id, (s, r) => new { r.AsOf, s.Total, s.Categories, s.CategoryCount, s.Sectors, s.Countries })
            .OrderByDescending(x => x.AsOf)
            .Select(x => new ReleaseSum(x.AsOf, x.Total, x.Categories, x.CategoryCount, x.Sectors, x.Countries))));

    private sealed record Mismatch(string RegionCode, DateOnly Month, Breakdown Dimension, long Sum, int Total, string? MismatchReason);

    /// <summary>Every breakdown of a current revision whose lines do not add up to its total.</summary>
    private static readonly StoreQuery<Func<QuotaDbContext, IAsyncEnumerable<Mismatch>>> Mismatches = new(() => EF.CompileAsyncQuery<QuotaDbContext, Mismatch>(
        (QuotaDbContext db) =>
            from s in db.BreakdownLines
                .GroupBy(l => new { l.RevisionId, l.Dimension })
                .Select(g => new { g.Key.RevisionId, g.Key.Dimension, Sum = g.Sum(l => (long)l.Count) })
            join r in db.Reports on (int?)s.RevisionId equals r.CurrentRevisionId
            join v in db.Revisions on s.RevisionId equals v.Id
            where s.Sum != v.Total
            orderby r.Month descending, r.RegionCode
            select new Mismatch(r.RegionCode, r.Month, s.Dimension, s.Sum, v.Total, v.MismatchReason)));

    private sealed record Share(int Year, Wording PublishedWording, int? Units, decimal? SharePct);

    private static readonly StoreQuery<Func<QuotaDbContext, IAsyncEnumerable<Share>>> Shares = new(() => EF.CompileAsyncQuery<QuotaDbContext, Share>(
        (QuotaDbContext db) => db.QuotaRevisions
            .Where(q => q.Units != null && q.SharePct != null)
            .OrderBy(q => q.Year).ThenBy(q => q.Sequence)
            .Select(q => new Share(q.Year, new Wording(q.PublishedWording, q.PublishedWordingRu, q.PublishedWordingKk), q.Units, q.SharePct))));

    private sealed record SourceNote(DateOnly AsOf, Wording Note);

    private static readonly StoreQuery<Func<QuotaDbContext, IAsyncEnumerable<SourceNote>>> Notes = new(() => EF.CompileAsyncQuery<QuotaDbContext, SourceNote>(
        (QuotaDbContext db) => db.PublishedFigures
            .Where(f => f.Note != null && f.Note != "")
            .Join(db.Releases, f => f.ReleaseId, r => r.Id, (f, r) => new { r.AsOf, f.Note, f.NoteRu, f.NoteKk })
            .Distinct()
            .Select(x => new SourceNote(x.AsOf, new Wording(x.Note!, x.NoteRu, x.NoteKk)))));
}
