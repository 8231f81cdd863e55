using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Features.Reports;

/// <summary>One revision of one region's report for one month, as a reviewer's screen names it.</summary>
public sealed record RevisionKey(string RegionCode, DateOnly Month, int Number);

public abstract record ReviewResult
{
    /// <summary>The revision now stands at <paramref name="State"/>: accepted, so that it counts, or returned to its officer.</summary>
    public sealed record Decided(RevisionState State) : ReviewResult;

    /// <summary>The revision was no longer waiting: decided by <paramref name="DecidedBy"/> or superseded after the screen showed it. Nothing was written.</summary>
    public sealed record Conflict(RevisionState State, string? DecidedBy) : ReviewResult;

    public sealed record Invalid(IReadOnlyList<Problem> Problems) : ReviewResult;

    /// <summary>The user may not review reports; nothing was written.</summary>
    public sealed record Forbidden : ReviewResult;
}

/// <summary>The parts of a decision that a <see cref="Problem"/> can be about.</summary>
public static class ReviewField
{
    public const string Revision = "revision";
    public const string Reason = "return_reason";
}

/// <summary>
/// An analyst's decision about a submitted revision, in one transaction with its audit entry. Accepting makes it the report's
/// accepted revision, the one every figure counts; returning leaves the figures that count as they were and tells the officer why.
/// Only a revision still waiting can be decided: one decided or superseded meanwhile is a conflict, never overwritten.
/// </summary>
public sealed class ReviewCommands(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache changes, TimeProvider clock)
{
    public const string AcceptAction = "report.accept";
    public const string ReturnAction = "report.return";

    public Task<ReviewResult> AcceptAsync(RevisionKey revision, ClaimsPrincipal user, CancellationToken ct = default) =>
        DecideAsync(revision, RevisionState.Accepted, null, user, ct);

    public Task<ReviewResult> ReturnAsync(RevisionKey revision, string? reason, ClaimsPrincipal user, CancellationToken ct = default) =>
        DecideAsync(revision, RevisionState.Returned, reason, user, ct);

    private async Task<ReviewResult> DecideAsync(RevisionKey key, RevisionState decision, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.CanReviewReports())
        {
            return new ReviewResult.Forbidden();
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == RevisionState.Returned)
        {
            if (reason is null)
            {
                return new ReviewResult.Invalid([new Problem(ReviewField.Reason, "review.reason.required")]);
            }
            if (reason.Length > ReportCommands.MaxTextLength)
            {
                return new ReviewResult.Invalid([new Problem(ReviewField.Reason, "text.too-long", ReportCommands.MaxTextLength, reason.Length)]);
            }
        }

        var month = new DateOnly(key.Month.Year, key.Month.Month, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var who = user.Who();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revision = await db.Revisions.Include(v => v.Report).Include(v => v.Lines)
            .FirstOrDefaultAsync(v => v.Report!.RegionCode == key.RegionCode && v.Report.Month == month && v.Number == key.Number, ct);
        if (revision is null)
        {
            return new ReviewResult.Invalid([new Problem(ReviewField.Revision, "review.revision.unknown", key.Number, key.RegionCode, month)]);
        }
        if (revision.State != RevisionState.Submitted)
        {
            return new ReviewResult.Conflict(revision.State, revision.DecidedBy);
        }

        var report = revision.Report!;
        var subject = $"{report.RegionCode} {month:yyyy-MM}";
        revision.State = decision;
        revision.DecidedBy = who;
        revision.DecidedAtUtc = now;
        if (decision == RevisionState.Accepted)
        {
            var before = report.CurrentRevisionId is { } currentId
                ? await db.Revisions.AsNoTracking().Include(v => v.Lines).FirstAsync(v => v.Id == currentId, ct)
                : null;
            report.CurrentRevisionId = revision.Id;
            report.IsIllustrative = false;
            AuditLog.Record(db, who, AcceptAction, subject, before is null ? null : ReportCommands.Snapshot(before), ReportCommands.Snapshot(revision), now);
        }
        else
        {
            revision.ReturnReason = reason;
            AuditLog.Record(db, who, ReturnAction, subject,
                new { revision.Number, State = nameof(RevisionState.Submitted) },
                new { revision.Number, State = nameof(RevisionState.Returned), Reason = reason }, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            await using var fresh = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var stored = await fresh.Revisions.AsNoTracking().Where(v => v.Id == revision.Id)
                .Select(v => new { v.State, v.DecidedBy }).FirstAsync(CancellationToken.None);
            return new ReviewResult.Conflict(stored.State, stored.DecidedBy);
        }

        // An acceptance changes the figures that count; a return only what waits for review.
        await changes.PublishAsync(new DataChange(decision == RevisionState.Accepted ? DataChangeKind.Reports : DataChangeKind.Submissions,
            report.RegionCode, month));
        return new ReviewResult.Decided(decision);
    }
}
