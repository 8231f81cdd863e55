using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>Every disagreement the record holds: in the published releases, between them and the regional reports, in the quota.</summary>
public sealed class DataQualityQueries(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache cache)
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issues = new List<QualityIssue>();

        var categoryCount = await db.Categories.CountAsync(ct);
        var releaseSums = await db.PublishedFigures.AsNoTracking()
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
            .ToListAsync(ct);
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

        var regionalSums = await db.Reports.AsNoTracking()
            .Where(r => r.CurrentRevisionId != null)
            .GroupBy(r => r.Month)
            .Select(g => new { Month = g.Key, Total = g.Sum(r => (long)r.CurrentRevision!.Total) })
            .ToDictionaryAsync(x => x.Month, x => x.Total, ct);
        issues.AddRange(releaseSums
            .Where(r => r.Total is not null && regionalSums.TryGetValue(r.AsOf, out var sum) && sum != (long)r.Total.Value)
            .Select(r => new QualityIssue(QualityKind.PublishedVsRegional, r.AsOf, "total", (decimal)r.Total!.Value, regionalSums[r.AsOf], null)));

        var lineSums = db.BreakdownLines
            .GroupBy(l => new { l.RevisionId, l.Dimension })
            .Select(g => new { g.Key.RevisionId, g.Key.Dimension, Sum = g.Sum(l => (long)l.Count) });
        var mismatches = await (
                from s in lineSums
                join r in db.Reports on (int?)s.RevisionId equals r.CurrentRevisionId
                join v in db.Revisions on s.RevisionId equals v.Id
                where s.Sum != v.Total
                orderby r.Month descending, r.RegionCode
                select new { r.RegionCode, r.Month, s.Dimension, s.Sum, v.Total, v.MismatchReason })
            .AsNoTracking()
            .ToListAsync(ct);
        issues.AddRange(mismatches.Select(m => new QualityIssue(QualityKind.RegionalMismatch, m.Month,
            $"{m.RegionCode} {m.Dimension.ToString().ToLowerInvariant()}", m.Total, m.Sum, m.MismatchReason, m.RegionCode)));

        var shares = await db.QuotaRevisions.AsNoTracking()
            .Where(q => q.Units != null && q.SharePct != null)
            .OrderBy(q => q.Year).ThenBy(q => q.Sequence)
            .Select(q => new { q.Year, q.PublishedWording, q.PublishedWordingRu, q.Units, q.SharePct })
            .ToListAsync(ct);
        foreach (var year in shares.GroupBy(q => q.Year))
        {
            var implied = year.Select(q => new { q.PublishedWording, q.PublishedWordingRu, q.Units, q.SharePct, LabourForce = QuotaRules.ImpliedLabourForce(q.Units, q.SharePct)!.Value }).ToList();
            if (QuotaRules.LabourForcesDisagree(implied.Select(i => i.LabourForce)))
            {
                issues.AddRange(implied.Select(i => new QualityIssue(QualityKind.QuotaLabourForce, null, i.PublishedWording,
                    i.Units!.Value, Math.Round(i.LabourForce), i.SharePct?.ToString(System.Globalization.CultureInfo.InvariantCulture), SubjectRu: i.PublishedWordingRu)));
            }
        }

        var notes = await db.PublishedFigures.AsNoTracking()
            .Where(f => f.Note != null && f.Note != "")
            .Join(db.Releases, f => f.ReleaseId, r => r.Id, (f, r) => new { r.AsOf, f.Note })
            .Distinct()
            .ToListAsync(ct);
        issues.AddRange(notes.OrderByDescending(n => n.AsOf).Select(n => new QualityIssue(QualityKind.SourceNote, n.AsOf, "note", null, null, n.Note)));
        return issues;
    }
}
