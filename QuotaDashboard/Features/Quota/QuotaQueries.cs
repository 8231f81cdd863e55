using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Quota;

/// <summary>
/// One revision as the record keeps it, superseded ones included. <see cref="ImpliedLabourForce"/> is units ÷ share where both are given;
/// <see cref="LabourForceDiffers"/> marks a current revision whose implied base disagrees with another of its year.
/// </summary>
public sealed record QuotaRevisionView(
    int Year,
    int Sequence,
    DateOnly EffectiveFrom,
    bool DayPublished,
    int? Units,
    decimal? SharePct,
    long? LabourForce,
    decimal? ImpliedLabourForce,
    bool LabourForceDiffers,
    string Wording,
    string WordingRu,
    string WordingKk,
    string? LegalAct,
    string? LegalActRu,
    string? LegalActKk,
    DateOnly? LegalActInForce,
    string? Basis,
    string? BasisRu,
    string? BasisKk,
    string Sources,
    bool IsCurrent,
    int? SupersedesSequence,
    int? SupersededBy,
    string EnteredBy,
    DateTime? EnteredAtUtc)
{
    public QuotaRevisionInput ToInput() =>
        new(Year, EffectiveFrom, DayPublished, Units, SharePct, LabourForce, LegalAct, LegalActInForce, Basis, Sources, Wording, WordingRu, WordingKk,
            LegalActRu, LegalActKk, BasisRu, BasisKk);
}

public sealed record QuotaYearView(int Year, IReadOnlyList<QuotaRevisionView> Revisions)
{
    public bool LabourForceDiffers => Revisions.Any(r => r.LabourForceDiffers);
}

/// <summary>The quota history for the analysts who keep it: every year with every revision, superseded ones too.</summary>
public sealed class QuotaQueries(IDbContextFactory<QuotaDbContext> dbFactory)
{
    /// <summary>Every year, newest first; within a year the revisions in the order they take effect, a correction after what it supersedes.</summary>
    public async Task<IReadOnlyList<QuotaYearView>> GetYearsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandEditRecord();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revisions = await db.QuotaRevisions.IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(q => q.Year).ThenBy(q => q.EffectiveFrom).ThenBy(q => q.Sequence)
            .ToListAsync(ct);
        return revisions.GroupBy(q => q.Year).Select(year =>
        {
            var disagree = QuotaRules.LabourForcesDisagree(
                year.Where(q => q.IsCurrent).Select(q => QuotaRules.ImpliedLabourForce(q.Units, q.SharePct)).OfType<decimal>());
            return new QuotaYearView(year.Key, year.Select(q =>
            {
                var implied = QuotaRules.ImpliedLabourForce(q.Units, q.SharePct);
                return new QuotaRevisionView(q.Year, q.Sequence, q.EffectiveFrom, q.EffectiveDayPublished, q.Units, q.SharePct, q.LabourForce,
                    implied, disagree && q.IsCurrent && implied is not null, q.PublishedWording, q.PublishedWordingRu, q.PublishedWordingKk,
                    q.LegalAct, q.LegalActRu, q.LegalActKk, q.LegalActInForce, q.Basis, q.BasisRu, q.BasisKk, q.Sources, q.IsCurrent, q.SupersedesSequence,
                    year.FirstOrDefault(s => s.SupersedesSequence == q.Sequence)?.Sequence, q.EnteredBy, q.EnteredAtUtc == default ? null : q.EnteredAtUtc);
            }).ToList());
        }).ToList();
    }
}
