using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Reports;

/// <summary>A submitted revision waiting for review, beside the accepted revision it would replace (null for a report not yet accepted), and what it changes.</summary>
public sealed record ReviewItem(string RegionCode, RevisionView Submitted, RevisionView? Accepted, IReadOnlyList<ReportChange> Changes)
{
    public DateOnly Month => Submitted.Month;

    public RevisionKey Key => new(RegionCode, Submitted.Month, Submitted.Number);
}

/// <summary>The submissions waiting for review, oldest first: <paramref name="Count"/> in all, of which <paramref name="Items"/> are the first.</summary>
public sealed record ReviewQueue(int Count, IReadOnlyList<ReviewItem> Items);

/// <summary>
/// Where one report of a region stands: its latest revision, in what state, who decided on it and why it was returned; and the
/// accepted revision that counts meanwhile (null while none is).
/// </summary>
public sealed record ReportStatus(
    DateOnly Month,
    int Number,
    RevisionState State,
    int Total,
    string EnteredBy,
    DateTime EnteredAtUtc,
    string? DecidedBy,
    DateTime? DecidedAtUtc,
    string? ReturnReason,
    int? AcceptedNumber,
    int? AcceptedTotal);

/// <summary>Reads what waits for review and where each report stands; an officer reads their own region's only.</summary>
public sealed class ApprovalQueries(IDbContextFactory<QuotaDbContext> dbFactory, HybridCache cache)
{
    /// <summary>How many submissions the queue shows at once; deciding on them brings the next ones.</summary>
    public const int QueuePage = 50;

    /// <summary>The submissions waiting for review, oldest first, each beside the accepted revision of its report. Reviewers only.</summary>
    public async Task<ReviewQueue> GetQueueAsync(ClaimsPrincipal reader, int take = QueuePage, CancellationToken ct = default)
    {
        reader.DemandReviewReports();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = db.Revisions.AsNoTracking().Where(v => v.State == RevisionState.Submitted);
        var count = await waiting.CountAsync(ct);
        if (count == 0)
        {
            return new ReviewQueue(0, []);
        }
        var submitted = await waiting.OrderBy(v => v.EnteredAtUtc).ThenBy(v => v.Id).Take(take).Select(ReportQueries.Projection).ToListAsync(ct);
        var reportIds = submitted.Select(r => r.ReportId).ToList();
        var accepted = (await db.Revisions.AsNoTracking()
                .Where(v => reportIds.Contains(v.ReportId) && v.Report!.CurrentRevisionId == v.Id)
                .Select(ReportQueries.Projection)
                .ToListAsync(ct))
            .ToDictionary(r => r.ReportId, r => r.ToView());
        var categoryOrder = await db.Categories.AsNoTracking().OrderBy(c => c.Order).Select(c => c.Key).ToListAsync(ct);
        return new ReviewQueue(count, submitted.Select(row =>
        {
            var view = row.ToView();
            var before = accepted.GetValueOrDefault(row.ReportId);
            return new ReviewItem(row.RegionCode, view, before, before is null ? [] : ReportQueries.Compare(before, view, categoryOrder));
        }).ToList());
    }

    /// <summary>Every report of the region, newest month first, with the state of its latest revision.</summary>
    public async Task<IReadOnlyList<ReportStatus>> GetRegionStatusAsync(string regionCode, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(regionCode);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Revisions.AsNoTracking()
            .Where(v => v.Report!.RegionCode == regionCode && v.Number == v.Report.Revisions.Max(x => x.Number))
            .OrderByDescending(v => v.Report!.Month)
            .Select(v => new
            {
                v.Report!.Month, v.Number, v.State, v.Total, v.EnteredBy, v.EnteredAtUtc, v.DecidedBy, v.DecidedAtUtc, v.ReturnReason,
                AcceptedNumber = (int?)v.Report.CurrentRevision!.Number,
                AcceptedTotal = (int?)v.Report.CurrentRevision.Total,
            })
            .ToListAsync(ct);
        return rows.Select(r => new ReportStatus(r.Month, r.Number, r.State, r.Total, r.EnteredBy, DateTime.SpecifyKind(r.EnteredAtUtc, DateTimeKind.Utc),
                r.DecidedBy, r.DecidedAtUtc is { } decided ? DateTime.SpecifyKind(decided, DateTimeKind.Utc) : null, r.ReturnReason, r.AcceptedNumber, r.AcceptedTotal))
            .ToList();
    }

    /// <summary>
    /// How many submissions wait for review among the reports of the month: of the region, or, for the nation, of every region the
    /// reader may read (an officer's own only).
    /// </summary>
    public async Task<int> PendingCountAsync(DateOnly month, string? regionCode, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(regionCode);
        var byRegion = await PendingByRegionAsync(month, reader, ct);
        return regionCode is null ? byRegion.Values.Sum() : byRegion.GetValueOrDefault(regionCode);
    }

    /// <summary>
    /// Submitted revisions waiting for review of reports of exactly this month, per region the reader may read: counted once per
    /// month for every page that shows it, and counted again after any submission or decision.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> PendingByRegionAsync(DateOnly month, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        month = ReportQueries.FirstOfMonth(month);
        var all = await cache.GetOrCreateAsync($"pending:{month:yyyy-MM}", async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            return await db.Revisions.AsNoTracking()
                .Where(v => v.State == RevisionState.Submitted && v.Report!.Month == month)
                .GroupBy(v => v.Report!.RegionCode)
                .Select(g => new { Region = g.Key, Count = g.Count() })
                .ToDictionaryAsync(w => w.Region, w => w.Count, token);
        }, tags: [PendingTag], cancellationToken: ct);
        return all.Where(w => reader.CanRead(w.Key)).ToDictionary(w => w.Key, w => w.Value);
    }

    /// <summary>What a submission or a decision makes stale.</summary>
    public const string PendingTag = "pending";
}
