using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Features.Quota;

/// <summary>
/// A revision of a year's quota as an analyst enters it. <paramref name="EffectiveFrom"/> is the day it counts from; where the day was
/// not published it is the first day of the month, or of the first release that reports the revision.
/// <paramref name="Units"/> null: the units were not published. The legal act and basis are entered in English with their Russian and
/// Kazakh where known; a correction that leaves a translation blank while its English is unchanged keeps the corrected revision's.
/// </summary>
public sealed record QuotaRevisionInput(
    int Year,
    DateOnly EffectiveFrom,
    bool DayPublished,
    int? Units,
    decimal? SharePct,
    long? LabourForce,
    string? LegalAct,
    DateOnly? LegalActInForce,
    string? Basis,
    string Sources,
    string Wording,
    string WordingRu,
    string WordingKk,
    string? LegalActRu = null,
    string? LegalActKk = null,
    string? BasisRu = null,
    string? BasisKk = null);

public abstract record QuotaSaveResult
{
    public sealed record Saved(int Year, int Sequence) : QuotaSaveResult;

    public sealed record Invalid(IReadOnlyList<Problem> Problems) : QuotaSaveResult;

    /// <summary>The revision being corrected was corrected by someone else first, by <paramref name="CurrentSequence"/>; nothing was written.</summary>
    public sealed record Conflict(int CurrentSequence) : QuotaSaveResult;

    public sealed record Forbidden : QuotaSaveResult;
}

/// <summary>The fields of a revision that a <see cref="Problem"/> can be about.</summary>
public static class QuotaField
{
    public const string Year = "year";
    public const string EffectiveFrom = "effective_from";
    public const string Units = "units";
    public const string SharePct = "share_pct";
    public const string LabourForce = "labour_force";
    public const string LegalAct = "legal_act";
    public const string LegalActRu = "legal_act_ru";
    public const string LegalActKk = "legal_act_kk";
    public const string Basis = "basis";
    public const string BasisRu = "basis_ru";
    public const string BasisKk = "basis_kk";
    public const string Sources = "sources";
    public const string Wording = "wording";
    public const string WordingRu = "wording_ru";
    public const string WordingKk = "wording_kk";
}

/// <summary>Adds quota revisions and corrects them as new revisions, each in one transaction with its audit entry, then tells every open dashboard.</summary>
public sealed class QuotaCommands(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache changes, TimeProvider clock)
{
    public const int MaxTextLength = 2000;
    public const int MaxWordingLength = 500;
    private const int MaxLabelLength = 100;

    /// <summary>A revision with an effective date of its own; a second one for the same date must correct the first.</summary>
    public Task<QuotaSaveResult> AddAsync(QuotaRevisionInput input, ClaimsPrincipal user, CancellationToken ct = default) =>
        SaveAsync(input, null, user, ct);

    /// <summary>A new revision that supersedes <paramref name="correctedSequence"/>, which must still be current; the history keeps both.</summary>
    public Task<QuotaSaveResult> CorrectAsync(QuotaRevisionInput input, int correctedSequence, ClaimsPrincipal user, CancellationToken ct = default) =>
        SaveAsync(input, correctedSequence, user, ct);

    private async Task<QuotaSaveResult> SaveAsync(QuotaRevisionInput input, int? correctedSequence, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.CanEditRecord())
        {
            return new QuotaSaveResult.Forbidden();
        }
        var problems = Validate(input);
        if (problems.Count > 0)
        {
            return new QuotaSaveResult.Invalid(problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await db.QuotaRevisions.Where(q => q.Year == input.Year).ToListAsync(ct);
        QuotaRevision? corrected = null;
        if (correctedSequence is { } sequence)
        {
            corrected = current.FirstOrDefault(q => q.Sequence == sequence);
            if (corrected is null)
            {
                var successor = await db.QuotaRevisions.IgnoreQueryFilters()
                    .Where(q => q.Year == input.Year && q.SupersedesSequence == sequence).Select(q => (int?)q.Sequence).FirstOrDefaultAsync(ct);
                return successor is { } s
                    ? new QuotaSaveResult.Conflict(s)
                    : new QuotaSaveResult.Invalid([new Problem(QuotaField.EffectiveFrom, "quota.revision.missing", input.Year, sequence)]);
            }
        }
        if (current.FirstOrDefault(q => q.EffectiveFrom == input.EffectiveFrom && q != corrected) is { } clash)
        {
            return new QuotaSaveResult.Invalid([new Problem(QuotaField.EffectiveFrom, "quota.effective.exists", input.EffectiveFrom, clash.Sequence)]);
        }
        if (corrected is not null)
        {
            if (StaleTranslations(input, corrected) is { Count: > 0 } stale)
            {
                return new QuotaSaveResult.Invalid(stale);
            }
            input = CarryTranslations(input, corrected);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.QuotaRevisions.IgnoreQueryFilters().Where(q => q.Year == input.Year).MaxAsync(q => (int?)q.Sequence, ct) ?? 0;
        var wording = input.Wording.Trim();
        var revision = new QuotaRevision
        {
            Year = input.Year,
            Sequence = last + 1,
            Label = wording.Length > MaxLabelLength ? wording[..MaxLabelLength] : wording,
            Units = input.Units,
            SharePct = input.SharePct,
            LabourForce = input.LabourForce,
            EffectiveFrom = input.EffectiveFrom,
            EffectiveDayPublished = input.DayPublished,
            PublishedWording = wording,
            PublishedWordingRu = input.WordingRu.Trim(),
            PublishedWordingKk = input.WordingKk.Trim(),
            LegalAct = Clean(input.LegalAct),
            LegalActRu = Clean(input.LegalAct) is null ? null : Clean(input.LegalActRu),
            LegalActKk = Clean(input.LegalAct) is null ? null : Clean(input.LegalActKk),
            LegalActInForce = input.LegalActInForce,
            Basis = Clean(input.Basis),
            BasisRu = Clean(input.Basis) is null ? null : Clean(input.BasisRu),
            BasisKk = Clean(input.Basis) is null ? null : Clean(input.BasisKk),
            Sources = input.Sources.Trim(),
            SupersedesSequence = corrected?.Sequence,
            EnteredBy = user.Who(),
            EnteredAtUtc = now,
        };
        try
        {
            if (corrected is not null)
            {
                // The superseded revision must leave the index of current effective dates before its correction enters it.
                corrected.IsCurrent = false;
                await db.SaveChangesAsync(ct);
                await CarryAllocationsAsync(db, corrected, revision.Sequence, ct);
            }
            db.QuotaRevisions.Add(revision);
            AuditLog.Record(db, user.Who(), corrected is null ? "quota.add" : "quota.correct", $"quota {input.Year}",
                corrected is null ? null : Snapshot(corrected), Snapshot(revision), now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another analyst stored a revision of the same year and date in the meantime: the unique indexes refused this one.
            await tx.RollbackAsync(CancellationToken.None);
            await using var fresh = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var winner = await fresh.QuotaRevisions.Where(q => q.Year == input.Year && q.EffectiveFrom == input.EffectiveFrom)
                .Select(q => (int?)q.Sequence).FirstOrDefaultAsync(CancellationToken.None);
            return new QuotaSaveResult.Conflict(winner ?? 0);
        }

        await changes.PublishAsync(new DataChange(DataChangeKind.Quota, null, new DateOnly(input.EffectiveFrom.Year, input.EffectiveFrom.Month, 1)));
        return new QuotaSaveResult.Saved(revision.Year, revision.Sequence);
    }

    /// <summary>
    /// A translation the analyst left blank while its English stayed as it was is the corrected revision's: nothing the record held in
    /// Russian or Kazakh is lost by a correction of something else. Where the English changed, a blank stays blank.
    /// </summary>
    private static QuotaRevisionInput CarryTranslations(QuotaRevisionInput input, QuotaRevision corrected)
    {
        var actKept = Clean(input.LegalAct) == corrected.LegalAct;
        var basisKept = Clean(input.Basis) == corrected.Basis;
        return input with
        {
            WordingRu = Blank(input.WordingRu) && Same(input.Wording, corrected.PublishedWording) ? corrected.PublishedWordingRu : input.WordingRu,
            WordingKk = Blank(input.WordingKk) && Same(input.Wording, corrected.PublishedWording) ? corrected.PublishedWordingKk : input.WordingKk,
            LegalActRu = Blank(input.LegalActRu) && actKept ? corrected.LegalActRu : input.LegalActRu,
            LegalActKk = Blank(input.LegalActKk) && actKept ? corrected.LegalActKk : input.LegalActKk,
            BasisRu = Blank(input.BasisRu) && basisKept ? corrected.BasisRu : input.BasisRu,
            BasisKk = Blank(input.BasisKk) && basisKept ? corrected.BasisKk : input.BasisKk,
        };
    }

    /// <summary>
    /// A translation handed back unchanged beside an English text that changed no longer says what the English says; the analyst is asked
    /// to give it again (or leave it blank) rather than have it stored stale.
    /// </summary>
    public static IReadOnlyList<Problem> StaleTranslations(QuotaRevisionInput input, QuotaRevision corrected)
    {
        var problems = new List<Problem>();
        void Check(string field, string? english, string? wasEnglish, string? translation, string? wasTranslation)
        {
            if (!Same(english, wasEnglish) && !Blank(translation) && !Blank(wasTranslation) && Same(translation, wasTranslation))
            {
                problems.Add(new Problem(field, "translation.stale"));
            }
        }
        Check(QuotaField.WordingRu, input.Wording, corrected.PublishedWording, input.WordingRu, corrected.PublishedWordingRu);
        Check(QuotaField.WordingKk, input.Wording, corrected.PublishedWording, input.WordingKk, corrected.PublishedWordingKk);
        Check(QuotaField.LegalActRu, input.LegalAct, corrected.LegalAct, input.LegalActRu, corrected.LegalActRu);
        Check(QuotaField.LegalActKk, input.LegalAct, corrected.LegalAct, input.LegalActKk, corrected.LegalActKk);
        Check(QuotaField.BasisRu, input.Basis, corrected.Basis, input.BasisRu, corrected.BasisRu);
        Check(QuotaField.BasisKk, input.Basis, corrected.Basis, input.BasisKk, corrected.BasisKk);
        return problems;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static bool Same(string? a, string? b) => Clean(a) == Clean(b);

    /// <summary>Allocations given for the corrected revision hold for its correction: the same rows, attached to the new sequence.</summary>
    private static async Task CarryAllocationsAsync(QuotaDbContext db, QuotaRevision corrected, int newSequence, CancellationToken ct)
    {
        var allocations = await db.Allocations.Where(a => a.Year == corrected.Year && a.RevisionSequence == corrected.Sequence).ToListAsync(ct);
        foreach (var allocation in allocations)
        {
            allocation.IsCurrent = false;
            db.Allocations.Add(new RegionalAllocation
            {
                Year = allocation.Year,
                RevisionSequence = newSequence,
                RegionCode = allocation.RegionCode,
                Units = allocation.Units,
                IsIllustrative = allocation.IsIllustrative,
                Source = allocation.Source,
                EnteredBy = allocation.EnteredBy,
                EnteredAtUtc = allocation.EnteredAtUtc,
            });
        }
    }

    /// <summary>What a revision says, as the audit log keeps it.</summary>
    public static object Snapshot(QuotaRevision q) => new
    {
        q.Year,
        q.Sequence,
        EffectiveFrom = q.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        q.EffectiveDayPublished,
        q.Units,
        q.SharePct,
        q.LabourForce,
        q.LegalAct,
        q.LegalActRu,
        q.LegalActKk,
        LegalActInForce = q.LegalActInForce?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        q.Basis,
        q.BasisRu,
        q.BasisKk,
        q.Sources,
        q.PublishedWording,
        q.PublishedWordingRu,
        q.PublishedWordingKk,
        q.SupersedesSequence,
    };

    /// <summary>Everything that makes a revision impossible to store, whatever the store holds.</summary>
    public static IReadOnlyList<Problem> Validate(QuotaRevisionInput input)
    {
        var problems = new List<Problem>();
        if (!QuotaRules.IsYear(input.Year))
        {
            problems.Add(new Problem(QuotaField.Year, "quota.year.invalid", input.Year));
        }
        else if (input.EffectiveFrom.Year != input.Year)
        {
            problems.Add(new Problem(QuotaField.EffectiveFrom, "quota.effective.outside-year", input.EffectiveFrom, input.Year));
        }
        else if (!input.DayPublished && input.EffectiveFrom.Day != 1)
        {
            problems.Add(new Problem(QuotaField.EffectiveFrom, "quota.effective.month-first-day", input.EffectiveFrom));
        }
        if (input.Units is <= 0)
        {
            problems.Add(new Problem(QuotaField.Units, "quota.units.not-positive", input.Units));
        }
        if (input.SharePct is { } share && (share <= 0 || share > 100))
        {
            problems.Add(new Problem(QuotaField.SharePct, "quota.share.out-of-range", share));
        }
        if (input.LabourForce is <= 0)
        {
            problems.Add(new Problem(QuotaField.LabourForce, "quota.labour-force.not-positive", input.LabourForce));
        }
        if (string.IsNullOrWhiteSpace(input.Sources))
        {
            problems.Add(new Problem(QuotaField.Sources, "quota.sources.none"));
        }
        if (string.IsNullOrWhiteSpace(input.Wording))
        {
            problems.Add(new Problem(QuotaField.Wording, "quota.wording.none"));
        }
        if (string.IsNullOrWhiteSpace(input.WordingRu))
        {
            problems.Add(new Problem(QuotaField.WordingRu, "quota.wording.none"));
        }
        if (string.IsNullOrWhiteSpace(input.WordingKk))
        {
            problems.Add(new Problem(QuotaField.WordingKk, "quota.wording.none"));
        }
        void Length(string field, string? text, int max)
        {
            if (text?.Length > max)
            {
                problems.Add(new Problem(field, "text.too-long", max, text.Length));
            }
        }
        Length(QuotaField.Sources, input.Sources, MaxTextLength);
        Length(QuotaField.Basis, input.Basis, MaxTextLength);
        Length(QuotaField.BasisRu, input.BasisRu, MaxTextLength);
        Length(QuotaField.BasisKk, input.BasisKk, MaxTextLength);
        Length(QuotaField.LegalAct, input.LegalAct, MaxWordingLength);
        Length(QuotaField.LegalActRu, input.LegalActRu, MaxWordingLength);
        Length(QuotaField.LegalActKk, input.LegalActKk, MaxWordingLength);
        Length(QuotaField.Wording, input.Wording, MaxWordingLength);
        Length(QuotaField.WordingRu, input.WordingRu, MaxWordingLength);
        Length(QuotaField.WordingKk, input.WordingKk, MaxWordingLength);
        return problems;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
