using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>
/// What the dashboard and the read API show, as culture-neutral records that one cached computation serves to every reader;
/// each computation costs a fixed, small number of aggregate queries.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache cache)
{
    public async Task<IReadOnlyList<DateOnly>> GetMonthsAsync(CancellationToken ct = default) => (await GetRecordMonthsAsync(ct)).Months;

    public async Task<IReadOnlySet<DateOnly>> GetReleaseMonthsAsync(CancellationToken ct = default) => (await GetRecordMonthsAsync(ct)).ReleaseMonths.ToHashSet();

    private ValueTask<RecordMonths> GetRecordMonthsAsync(CancellationToken ct) => cache.MonthsAsync(async token =>
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var releaseMonths = await db.Releases.Select(r => r.AsOf).ToListAsync(token);
        var reportMonths = await db.Reports.Select(r => r.Month).Distinct().ToListAsync(token);
        return new RecordMonths(
            releaseMonths.Concat(reportMonths).Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().OrderDescending().ToList(),
            releaseMonths.Distinct().Order().ToList());
    }, ct);

    public async Task<RegionRef?> FindRegionAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        return region is null ? null : ToRef(region);
    }

    /// <summary>
    /// The dashboard of the nation or one region as <paramref name="reader"/> may see it: an officer's ranking holds their own region
    /// only, whichever view they look at.
    /// </summary>
    public async Task<DashboardView> GetDashboardAsync(DateOnly month, string? regionCode, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(regionCode);
        month = new DateOnly(month.Year, month.Month, 1);
        var view = await cache.DashboardAsync(month, regionCode, token => new ValueTask<DashboardView>(ComputeDashboardAsync(month, regionCode, token)), ct);
        var ranking = view.Ranking.Where(r => reader.CanRead(r.Code)).ToList();
        return ranking.Count == view.Ranking.Count ? view : view with
        {
            Ranking = ranking,
            Illustrative = view.Workers.Source?.Illustrative == true || ranking.Any(r => r.AllocationIllustrative),
        };
    }

    private async Task<DashboardView> ComputeDashboardAsync(DateOnly month, string? regionCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var region = regionCode is null ? null : regions.FirstOrDefault(r => r.Code == regionCode)
            ?? throw new KeyNotFoundException($"Unknown region '{regionCode}'.");
        var categoryOrder = await db.Categories.AsNoTracking().OrderBy(c => c.Order).Select(c => c.Key).ToListAsync(ct);

        var latest = LatestReports(db, month);
        var perRegion = await latest
            .Select(r => new
            {
                r.RegionCode,
                r.Month,
                r.IsIllustrative,
                RevisionNumber = r.CurrentRevision!.Number,
                r.CurrentRevision.Total,
                r.CurrentRevision.Employers,
                r.CurrentRevision.LocalEmployees,
            })
            .ToListAsync(ct);

        var scoped = region is null ? perRegion : perRegion.Where(r => r.RegionCode == region.Code).ToList();
        var scopedLines = await latest
            .Where(r => region == null || r.RegionCode == region.Code)
            .SelectMany(r => r.CurrentRevision!.Lines)
            .GroupBy(l => new { l.Dimension, l.Key })
            .Select(g => new { g.Key.Dimension, g.Key.Key, Count = g.Sum(l => (long)l.Count) })
            .ToListAsync(ct);

        var illustrative = scoped.Any(r => r.IsIllustrative);
        FigureSource? reportSource = scoped.Count == 0 ? null : region is null
            ? new FigureSource(SourceKind.RegionalReports, [], illustrative, RegionsReporting: scoped.Count, RegionCount: regions.Count)
            : new FigureSource(SourceKind.RegionalReport, [], illustrative,
                RegionCode: region.Code, ReportMonth: scoped[0].Month, RevisionNumber: scoped[0].RevisionNumber);

        var regionalTotal = scoped.Count == 0 ? (long?)null : scoped.Sum(r => (long)r.Total);
        var regionalEmployers = scoped.Count == 0 || scoped.Any(r => r.Employers is null) ? null : (long?)scoped.Sum(r => (long)r.Employers!.Value);
        var regionalLocal = scoped.Count == 0 || scoped.Any(r => r.LocalEmployees is null) ? null : (long?)scoped.Sum(r => (long)r.LocalEmployees!.Value);

        BreakdownView FromReports(Breakdown dimension, IEnumerable<string>? order = null)
        {
            var items = scopedLines.Where(l => l.Dimension == dimension)
                .Select(l => new BreakdownItem(l.Key, l.Count))
                .ToList();
            items = Ordered(items, order);
            return new BreakdownView(dimension, items, reportSource, items.Sum(i => i.Count), regionalTotal, Complete: true);
        }

        var release = region is null ? await db.Releases.AsNoTracking().Include(r => r.Figures).FirstOrDefaultAsync(r => r.AsOf == month, ct) : null;
        var view = release is null
            ? new Partial(
                new CountFigure(regionalTotal, reportSource),
                new CountFigure(regionalEmployers, regionalEmployers is null ? null : reportSource),
                new CountFigure(regionalLocal, regionalLocal is null ? null : reportSource),
                LocalShare(regionalLocal, regionalTotal, reportSource),
                FromReports(Breakdown.Category, categoryOrder),
                FromReports(Breakdown.Sector),
                FromReports(Breakdown.Country),
                illustrative)
            : FromRelease(release, categoryOrder);

        var quota = await QuotaInForceAsync(db, month, ct);
        var ranking = await RankingAsync(db, regions, perRegion.Select(r => (r.RegionCode, (long)r.Total, r.IsIllustrative)).ToList(), quota, ct);
        var scopedAllocation = region is null ? null : ranking.FirstOrDefault(r => r.Code == region.Code);
        var units = region is null ? quota.Units : scopedAllocation?.Allocation;
        var usePct = view.Workers.Value is { } workers && units is > 0 ? Math.Round(100m * workers / units.Value, 1) : (decimal?)null;

        var reconciliation = new Reconciliation(
            release?.Figures.FirstOrDefault(f => f.Figure == FigureKind.Total) is { } t ? (long)t.Value : null,
            region is null ? regionalTotal : null,
            perRegion.Count,
            regions.Count);

        return new DashboardView(month, region is null ? null : ToRef(region), view.Workers, quota, usePct, view.Employers, view.LocalEmployees,
            view.LocalShare, view.Categories, view.Sectors, view.Countries, ranking, reconciliation, view.Illustrative || ranking.Any(r => r.AllocationIllustrative));
    }

    private sealed record Partial(CountFigure Workers, CountFigure Employers, CountFigure LocalEmployees, PercentFigure LocalShare,
        BreakdownView Categories, BreakdownView Sectors, BreakdownView Countries, bool Illustrative);

    private static Partial FromRelease(PublishedRelease release, IReadOnlyList<string> categoryOrder)
    {
        var source = ReleaseSource(release);
        var total = release.Figures.FirstOrDefault(f => f.Figure == FigureKind.Total) is { } t ? (long)t.Value : (long?)null;
        CountFigure Single(FigureKind kind) =>
            release.Figures.FirstOrDefault(f => f.Figure == kind) is { } f ? new CountFigure((long)f.Value, source) : CountFigure.Unknown;

        BreakdownView Published(FigureKind kind, Breakdown dimension, bool withRemainder, IEnumerable<string>? order)
        {
            var figures = release.Figures.Where(f => f.Figure == kind).ToList();
            var items = Ordered(figures.Select(f => new BreakdownItem(f.Key, (long)f.Value)), order);
            var sum = items.Sum(i => i.Count);
            var complete = kind == FigureKind.Category && figures.Count == categoryOrder.Count;
            // A release names only its largest sectors and countries; the rest is the total less those, never a guess.
            if (withRemainder && items.Count > 0 && total is { } tot && tot > sum)
            {
                items.Add(new BreakdownItem(Names.OtherKey, tot - sum, IsRemainder: true));
            }
            return new BreakdownView(dimension, items, items.Count == 0 ? null : source, sum, total, complete);
        }

        var localShare = release.Figures.FirstOrDefault(f => f.Figure == FigureKind.LocalSharePct) is { } share
            ? new PercentFigure(share.Value, source, Derived: false)
            : new PercentFigure(null, null, false);

        return new Partial(
            total is null ? CountFigure.Unknown : new CountFigure(total, source),
            Single(FigureKind.Employers),
            Single(FigureKind.LocalEmployeesMoreThan),
            localShare,
            Published(FigureKind.Category, Breakdown.Category, withRemainder: false, categoryOrder),
            Published(FigureKind.Sector, Breakdown.Sector, withRemainder: true, null),
            Published(FigureKind.Country, Breakdown.Country, withRemainder: true, null),
            Illustrative: false);
    }

    /// <summary>In the given key order, or else largest first with "other" last, whatever the source of the figures.</summary>
    private static List<BreakdownItem> Ordered(IEnumerable<BreakdownItem> items, IEnumerable<string>? order)
    {
        if (order is not null)
        {
            var keys = order.ToList();
            return [.. items.OrderBy(i => keys.IndexOf(i.Key))];
        }
        return [.. items.OrderBy(i => i.Key == Names.OtherKey).ThenByDescending(i => i.Count).ThenBy(i => i.Key, StringComparer.Ordinal)];
    }

    private static PercentFigure LocalShare(long? local, long? foreign, FigureSource? source) =>
        local is { } l && foreign is { } f && l + f > 0
            ? new PercentFigure(Math.Round(100m * l / (l + f), 1), source, Derived: true)
            : new PercentFigure(null, null, false);

    public static FigureSource ReleaseSource(PublishedRelease release)
    {
        var links = release.Figures.SelectMany(f => f.Sources.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.StartsWith("http", StringComparison.Ordinal)).Distinct().ToList();
        return new FigureSource(SourceKind.PublishedRelease, links, false,
            ReleaseAsOf: release.AsOf, ReleaseDayStated: release.AsOfPrecision != DatePrecision.Month);
    }

    /// <summary>Each region's latest report on or before the month, with a current revision.</summary>
    internal static IQueryable<PermitReport> LatestReports(QuotaDbContext db, DateOnly month) =>
        db.Reports.AsNoTracking()
            .Where(r => r.Month <= month && r.CurrentRevisionId != null)
            .Where(r => r.Month == db.Reports.Where(x => x.RegionCode == r.RegionCode && x.Month <= month && x.CurrentRevisionId != null).Max(x => x.Month));

    public async Task<QuotaInForce> GetQuotaInForceAsync(DateOnly date, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QuotaInForceAsync(db, date, ct);
    }

    private static async Task<QuotaInForce> QuotaInForceAsync(QuotaDbContext db, DateOnly date, CancellationToken ct)
    {
        var revision = await db.QuotaRevisions.AsNoTracking()
            .Where(q => q.Year == date.Year && q.EffectiveFrom <= date)
            .OrderByDescending(q => q.EffectiveFrom).ThenByDescending(q => q.Sequence)
            .FirstOrDefaultAsync(ct);
        if (revision is null)
        {
            return new QuotaInForce(date.Year, null, null, null, null, null, false, null, null, null, null, null, UnitsMissing.NoQuota);
        }
        return new QuotaInForce(date.Year, revision.Units, revision.SharePct, revision.Sequence, revision.Label, revision.EffectiveFrom,
            revision.EffectiveDayPublished, revision.PublishedWording, revision.PublishedWordingRu, revision.LegalAct, revision.LegalActInForce, revision.Sources,
            revision.Units is null ? UnitsMissing.NotPublished : null);
    }

    private static async Task<IReadOnlyList<RegionUse>> RankingAsync(QuotaDbContext db, IReadOnlyList<Region> regions,
        IReadOnlyList<(string Code, long Total, bool Illustrative)> workers, QuotaInForce quota, CancellationToken ct)
    {
        var allocations = quota.RevisionSequence is null
            ? []
            : await db.Allocations.AsNoTracking()
                .Where(a => a.Year == quota.Year && (a.RevisionSequence == null || a.RevisionSequence == quota.RevisionSequence))
                .Select(a => new { a.RegionCode, a.RevisionSequence, a.Units, a.IsIllustrative, a.Source })
                .ToListAsync(ct);
        return regions.Select(region =>
            {
                var allocation = QuotaRules.PickAllocation(allocations.Where(a => a.RegionCode == region.Code), a => a.IsIllustrative, a => a.RevisionSequence);
                var reported = workers.Where(w => w.Code == region.Code).Select(w => (long?)w.Total).FirstOrDefault();
                var use = reported is { } w && allocation is { Units: > 0 } a ? Math.Round(100m * w / a.Units, 1) : (decimal?)null;
                return new RegionUse(region.Code, reported, allocation?.Units,
                    allocation?.IsIllustrative ?? false, allocation?.Source, use, workers.Any(x => x.Code == region.Code && x.Illustrative));
            })
            .OrderByDescending(r => r.UsePct ?? -1).ThenByDescending(r => r.Workers ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<QuotaStep>> GetQuotaHistoryAsync(int? year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuotaRevisions.AsNoTracking()
            .Where(q => year == null || q.Year == year)
            .OrderBy(q => q.Year).ThenBy(q => q.Sequence)
            .Select(q => new QuotaStep(q.Year, q.Sequence, q.Label, q.EffectiveFrom, q.EffectiveDayPublished, q.Units, q.SharePct,
                q.PublishedWording, q.PublishedWordingRu, q.LegalAct, q.LegalActInForce, q.Basis, q.Sources))
            .ToListAsync(ct);
    }

    public async Task<PublishedReleaseView?> GetPublishedAsync(DateOnly month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var release = await db.Releases.AsNoTracking().Include(r => r.Figures).FirstOrDefaultAsync(r => r.AsOf == month, ct);
        if (release is null)
        {
            return null;
        }
        var figures = release.Figures.OrderBy(f => f.Id)
            .Select(f => new PublishedFigureView(FigureNames.Name(f.Figure), f.Key, f.Value, f.Sources, f.Note)).ToList();
        return new PublishedReleaseView(release.AsOf, release.AsOfPrecision.ToString().ToLowerInvariant(), release.PublishedOn, figures,
            figures.SelectMany(f => f.Sources.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList());
    }

    /// <summary>
    /// The record on one time axis: nationally the published totals, the sum of the regional reports and the quota;
    /// for one region its own reports and its allocation under every quota revision.
    /// </summary>
    public async Task<TimelineSeries> GetSeriesAsync(string? regionCode, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(regionCode);
        return await cache.SeriesAsync(regionCode, token => new ValueTask<TimelineSeries>(ComputeSeriesAsync(regionCode, token)), ct);
    }

    private async Task<TimelineSeries> ComputeSeriesAsync(string? regionCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = regionCode is not null
            ? []
            : await db.PublishedFigures.AsNoTracking()
                .Where(f => f.Figure == FigureKind.Total)
                .Join(db.Releases, f => f.ReleaseId, r => r.Id, (f, r) => new { r.AsOf, f.Value, f.Sources })
                .OrderBy(x => x.AsOf)
                .ToListAsync(ct);
        var sums = await db.Reports.AsNoTracking()
            .Where(r => r.CurrentRevisionId != null && (regionCode == null || r.RegionCode == regionCode))
            .GroupBy(r => r.Month)
            .Select(g => new { Month = g.Key, Total = g.Sum(r => (long)r.CurrentRevision!.Total), Regions = g.Count(), Illustrative = g.Max(r => r.IsIllustrative ? 1 : 0) })
            .OrderBy(x => x.Month)
            .ToListAsync(ct);
        var quota = await db.QuotaRevisions.AsNoTracking().OrderBy(q => q.Year).ThenBy(q => q.Sequence)
            .Select(q => new QuotaStep(q.Year, q.Sequence, q.Label, q.EffectiveFrom, q.EffectiveDayPublished, q.Units, q.SharePct,
                q.PublishedWording, q.PublishedWordingRu, q.LegalAct, q.LegalActInForce, q.Basis, q.Sources))
            .ToListAsync(ct);
        if (regionCode is not null)
        {
            var allocations = await db.Allocations.AsNoTracking()
                .Where(a => a.RegionCode == regionCode)
                .Select(a => new { a.Year, a.RevisionSequence, a.Units, a.IsIllustrative })
                .ToListAsync(ct);
            quota = quota.Select(q => q with
            {
                Units = QuotaRules.PickAllocation(allocations.Where(a => a.Year == q.Year && (a.RevisionSequence == null || a.RevisionSequence == q.Sequence)),
                    a => a.IsIllustrative, a => a.RevisionSequence)?.Units,
                SharePct = null,
            }).ToList();
        }
        return new TimelineSeries(
            published.Select(p => new SeriesPoint(p.AsOf, (long)p.Value, p.Sources, null)).ToList(),
            sums.Select(s => new SeriesPoint(s.Month, s.Total, null, regionCode is null ? s.Regions : null)).ToList(),
            quota,
            sums.Any(s => s.Illustrative == 1),
            regionCode);
    }

    private static RegionRef ToRef(Region region) => new(region.Code, region.Kind.ToString().ToLowerInvariant());
}
