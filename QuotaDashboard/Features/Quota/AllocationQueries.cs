using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Quota;

public enum AllocationOrigin { None, Published, Entered, Illustrative }

/// <summary>
/// A region's allocation under one revision, and where it comes from: published with its source, entered by an analyst (who, when),
/// or illustrative. <see cref="RevisionSequence"/> is the revision the row was given for, null for the whole year.
/// </summary>
public sealed record AllocationCell(
    string RegionCode,
    string NameEn,
    string NameRu,
    string NameKk,
    int? Units,
    AllocationOrigin Origin,
    string? Source,
    string? EnteredBy,
    DateTime? EnteredAtUtc,
    int? RevisionSequence)
{
    public string Name => Names.Pick(NameEn, NameRu, NameKk);
}

/// <summary>The revision whose national units the allocations are measured against.</summary>
public sealed record NationalQuota(int Sequence, int? Units, DateOnly EffectiveFrom, bool DayPublished, string Wording, string WordingRu, string WordingKk);

/// <summary>
/// The allocations of a year (for one revision, or for the whole year when <see cref="RevisionSequence"/> is null) against the
/// national units: what is not allocated is the reserve, negative when the regions are given more than the nation has.
/// </summary>
public sealed record AllocationGrid(int Year, int? RevisionSequence, NationalQuota? National, IReadOnlyList<AllocationCell> Cells)
{
    public long Allocated => Cells.Sum(c => (long?)c.Units ?? 0);

    public long? Reserve => National?.Units is { } units ? units - Allocated : null;

    public bool OverAllocated => Reserve < 0;
}

/// <summary>
/// The allocations in force in a month as the API gives them. An officer gets the national units, the reserve and their own region;
/// <see cref="Allocated"/> is then null.
/// </summary>
public sealed record AllocationsInForce(int Year, DateOnly AsOf, int? RevisionSequence, int? NationalUnits, long? Allocated, long? Reserve,
    bool OverAllocated, IReadOnlyList<AllocationCell> Regions);

/// <summary>One stored allocation row of a region, current or replaced.</summary>
public sealed record AllocationHistoryEntry(int? RevisionSequence, int Units, AllocationOrigin Origin, string? Source, bool IsCurrent, string EnteredBy, DateTime? EnteredAtUtc);

/// <summary>The regional allocations: the grid analysts keep, each region's history, and what is in force for the API.</summary>
public sealed class AllocationQueries(IDbContextFactory<QuotaDbContext> dbFactory)
{
    public async Task<AllocationGrid> GetGridAsync(int year, int? revisionSequence, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandEditRecord();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GridAsync(db, year, revisionSequence, ct);
    }

    /// <summary>Every row ever stored for one region and year, newest first.</summary>
    public async Task<IReadOnlyList<AllocationHistoryEntry>> GetHistoryAsync(int year, string regionCode, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandEditRecord();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Allocations.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Year == year && a.RegionCode == regionCode)
            .OrderByDescending(a => a.Id)
            .ToListAsync(ct);
        return rows.Select(a => new AllocationHistoryEntry(a.RevisionSequence, a.Units, OriginOf(a), a.Source, a.IsCurrent, a.EnteredBy, EnteredAt(a))).ToList();
    }

    /// <summary>The allocations under the revision in force on the first day of <paramref name="month"/>, as <paramref name="reader"/> may see them.</summary>
    public async Task<AllocationsInForce> GetInForceAsync(int year, DateOnly month, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inForce = await db.QuotaRevisions.AsNoTracking()
            .Where(q => q.Year == year && q.EffectiveFrom <= month)
            .OrderByDescending(q => q.EffectiveFrom).ThenByDescending(q => q.Sequence)
            .Select(q => (int?)q.Sequence)
            .FirstOrDefaultAsync(ct);
        var grid = inForce is null
            ? new AllocationGrid(year, null, null, [])
            : await GridAsync(db, year, inForce, ct);
        var officer = reader.IsOfficer();
        return new AllocationsInForce(year, month, inForce, grid.National?.Units, officer ? null : grid.Allocated, grid.Reserve, grid.OverAllocated,
            grid.Cells.Where(c => c.Units is not null && reader.CanRead(c.RegionCode)).ToList());
    }

    /// <summary>
    /// Each of the regions with the allocation that holds at this level: for a revision, its own or the whole year's
    /// (<see cref="QuotaRules.PickAllocation{T}"/>); for the whole year, the year's only. The national units are the revision's,
    /// or for the whole year those of its last revision.
    /// </summary>
    internal static async Task<AllocationGrid> GridAsync(QuotaDbContext db, int year, int? revisionSequence, CancellationToken ct)
    {
        var revisions = await db.QuotaRevisions.AsNoTracking().Where(q => q.Year == year)
            .OrderByDescending(q => q.EffectiveFrom).ThenByDescending(q => q.Sequence)
            .ToListAsync(ct);
        var national = revisionSequence is { } sequence ? revisions.FirstOrDefault(q => q.Sequence == sequence) : revisions.FirstOrDefault();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        var rows = await db.Allocations.AsNoTracking()
            .Where(a => a.Year == year && (a.RevisionSequence == null || a.RevisionSequence == revisionSequence))
            .ToListAsync(ct);
        var cells = regions.Select(region =>
        {
            var row = QuotaRules.PickAllocation(rows.Where(a => a.RegionCode == region.Code), a => a.IsIllustrative, a => a.RevisionSequence);
            return row is null
                ? new AllocationCell(region.Code, region.NameEn, region.NameRu, region.NameKk, null, AllocationOrigin.None, null, null, null, null)
                : new AllocationCell(region.Code, region.NameEn, region.NameRu, region.NameKk, row.Units, OriginOf(row), row.Source, row.EnteredBy, EnteredAt(row), row.RevisionSequence);
        }).ToList();
        return new AllocationGrid(year, revisionSequence, national is null ? null
            : new NationalQuota(national.Sequence, national.Units, national.EffectiveFrom, national.EffectiveDayPublished, national.PublishedWording, national.PublishedWordingRu,
                national.PublishedWordingKk),
            cells);
    }

    /// <summary>The seed files carry no entry time; none is shown rather than the first day of year 1.</summary>
    private static DateTime? EnteredAt(RegionalAllocation row) => row.EnteredAtUtc == default ? null : row.EnteredAtUtc;

    private static AllocationOrigin OriginOf(RegionalAllocation row) =>
        row.IsIllustrative ? AllocationOrigin.Illustrative
        : row.EnteredBy == PublishedRecord.SeedUser ? AllocationOrigin.Published
        : AllocationOrigin.Entered;
}
