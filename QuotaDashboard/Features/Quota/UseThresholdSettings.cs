using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Features.Quota;

/// <summary>The thresholds in force, and who set them when; <see cref="Version"/> 0 means the defaults, never changed.</summary>
public sealed record ThresholdsInForce(UseThresholds Thresholds, int Version, string? ChangedBy, DateTime? ChangedAtUtc);

public abstract record ThresholdSaveResult
{
    public sealed record Saved(ThresholdsInForce Now) : ThresholdSaveResult;

    public sealed record Invalid(IReadOnlyList<Problem> Problems) : ThresholdSaveResult;

    /// <summary>Someone changed the thresholds since the form was opened; nothing was written.</summary>
    public sealed record Conflict(ThresholdsInForce Now) : ThresholdSaveResult;

    public sealed record Forbidden : ThresholdSaveResult;
}

/// <summary>Reads the thresholds every page colours use by, once for all readers, and lets analysts change them, audited.</summary>
public sealed class UseThresholdSettings(IDbContextFactory<QuotaDbContext> dbFactory, HybridCache cache, DashboardCache changes, TimeProvider clock)
{
    /// <summary>The cached thresholds' key and tag: a change of kind Thresholds, made here or on another instance, forgets it.</summary>
    public const string Key = "use-thresholds";

    public ValueTask<ThresholdsInForce> GetAsync(CancellationToken ct = default) =>
        cache.GetOrCreateAsync(Key, async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            return InForce(await db.UseThresholds.AsNoTracking().OrderByDescending(t => t.Id).FirstOrDefaultAsync(token));
        }, tags: [Key], cancellationToken: ct);

    /// <param name="expectedVersion">The version the analyst's form showed: a change made since then is not overwritten.</param>
    public async Task<ThresholdSaveResult> SaveAsync(decimal? nearPct, decimal? overPct, int expectedVersion, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.CanEditRecord())
        {
            return new ThresholdSaveResult.Forbidden();
        }
        var problems = UseThresholds.Check(nearPct, overPct);
        if (problems.Count > 0)
        {
            return new ThresholdSaveResult.Invalid(problems);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = InForce(await db.UseThresholds.OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct));
        if (before.Version != expectedVersion)
        {
            return new ThresholdSaveResult.Conflict(before);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var change = new UseThresholdChange { NearPct = nearPct!.Value, OverPct = overPct!.Value, ChangedBy = user.Who(), ChangedAtUtc = now };
        db.UseThresholds.Add(change);
        AuditLog.Record(db, user.Who(), "thresholds.save", "use of the quota", before.Thresholds, new UseThresholds(change.NearPct, change.OverPct), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // Every page that colours by use redraws; no figure changed, so only the thresholds are forgotten.
        await changes.PublishAsync(new DataChange(DataChangeKind.Thresholds, null, null));
        return new ThresholdSaveResult.Saved(InForce(change));
    }

    private static ThresholdsInForce InForce(UseThresholdChange? row) => row is null
        ? new ThresholdsInForce(UseThresholds.Default, 0, null, null)
        : new ThresholdsInForce(new UseThresholds(row.NearPct, row.OverPct), row.Id, row.ChangedBy, row.ChangedAtUtc);
}
