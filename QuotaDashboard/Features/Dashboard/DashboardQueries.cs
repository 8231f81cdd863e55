using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>
/// What the dashboard and the read API show, as culture-neutral records that one cached computation serves to every reader;
/// each computation costs a fixed, small number of aggregate queries.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache cache, ReferenceNames reference)
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
        return region is null ? null : ToRef(region.Code, region.Kind);
    }

    /// <summary>The dashboard of the nation or one region as <paramref name="reader"/> may see it, counting accepted revisions.</summary>
    public async Task<DashboardView> GetDashboardAsync(DateOnly month, string? regionCode, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(regionCode);
        month = new DateOnly(month.Year, month.Month, 1);
        return Readable(await cache.DashboardAsync(month, regionCode, token => new ValueTask<DashboardView>(ComputeDashboardAsync(month, regionCode, false, token)), ct), reader);
    }

    /// <summary>
    /// The same view as if every revision waiting for review were accepted: each region's latest report on or before the month that
    /// has an accepted or a submitted revision, counted by its submitted revision where it has one. A preview, asked for by one
    /// reader at a time, so it is not cached.
    /// </summary>
    public async Task<DashboardView> GetPreviewAsync(DateOnly month, string? regionCode, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        reader.DemandRead(regionCode);
        month = new DateOnly(month.Year, month.Month, 1);
        return Readable(await ComputeDashboardAsync(month, regionCode, true, ct), reader);
    }

    /// <summary>An officer's ranking holds their own region only, whichever view they look at.</summary>
    private static DashboardView Readable(DashboardView view, ClaimsPrincipal reader)
    {
        var ranking = view.Ranking.Where(r => reader.CanRead(r.Code)).ToList();
        return ranking.Count == view.Ranking.Count ? view : view with
        {
            Ranking = ranking,
            Illustrative = view.Workers.Source?.Illustrative == true || ranking.Any(r => r.AllocationIllustrative),
        };
    }

    private async Task<DashboardView> ComputeDashboardAsync(DateOnly month, string? regionCode, bool withSubmitted, CancellationToken ct)
    {
        var categoryOrder = (await reference.GetAsync(ct)).Categories.Select(c => c.Key).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The view's few commands share one connection rather than opening and closing it around each.
        await db.Database.OpenConnectionAsync(ct);

        var regions = await LatestByRegion[db](db, month, withSubmitted).ToListAsync(ct);
        var region = regionCode is null ? null : regions.FirstOrDefault(r => r.Code == regionCode)
            ?? throw new KeyNotFoundException($"Unknown region '{regionCode}'.");
        var perRegion = regions.Where(r => r.Report is not null).ToList();
        var scoped = region is null ? perRegion : region.Report is null ? [] : [region];
        var scopedLines = scoped.Count == 0 ? [] : await LatestLineSums[db](db, month, regionCode, withSubmitted).ToListAsync(ct);

        var illustrative = scoped.Any(r => r.Report!.IsIllustrative);
        FigureSource? reportSource = scoped.Count == 0 ? null : region is null
            ? new FigureSource(SourceKind.RegionalReports, [], illustrative, RegionsReporting: scoped.Count, RegionCount: regions.Count)
            : new FigureSource(SourceKind.RegionalReport, [], illustrative,
                RegionCode: region.Code, ReportMonth: scoped[0].Report!.Month, RevisionNumber: scoped[0].Report!.RevisionNumber);

        var regionalTotal = scoped.Count == 0 ? (long?)null : scoped.Sum(r => (long)r.Report!.Total);
        var regionalEmployers = scoped.Count == 0 || scoped.Any(r => r.Report!.Employers is null) ? null : (long?)scoped.Sum(r => (long)r.Report!.Employers!.Value);
        var regionalLocal = scoped.Count == 0 || scoped.Any(r => r.Report!.LocalEmployees is null) ? null : (long?)scoped.Sum(r => (long)r.Report!.LocalEmployees!.Value);

        BreakdownView FromReports(Breakdown dimension, IEnumerable<string>? order = null)
        {
            var items = scopedLines.Where(l => l.Dimension == dimension)
                .Select(l => new BreakdownItem(l.Key, l.Count))
                .ToList();
            items = Ordered(items, order);
            return new BreakdownView(dimension, items, reportSource, items.Sum(i => i.Count), regionalTotal, Complete: true);
        }

        var release = region is null ? await ReleaseOf[db](db, month, ct) : null;
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
        var allocations = quota.RevisionSequence is { } sequence ? await AllocationsUnder[db](db, quota.Year, sequence).ToListAsync(ct) : [];
        var ranking = Ranking(regions, allocations);
        var scopedAllocation = region is null ? null : ranking.FirstOrDefault(r => r.Code == region.Code);
        var units = region is null ? quota.Units : scopedAllocation?.Allocation;
        var usePct = view.Workers.Value is { } workers && units is > 0 ? Math.Round(100m * workers / units.Value, 1) : (decimal?)null;

        var reconciliation = new Reconciliation(
            release?.Figures.FirstOrDefault(f => f.Figure == FigureKind.Total) is { } t ? (long)t.Value : null,
            region is null ? regionalTotal : null,
            perRegion.Count,
            regions.Count);

        return new DashboardView(month, region is null ? null : ToRef(region.Code, region.Kind), view.Workers, quota, usePct, view.Employers, view.LocalEmployees,
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

    /// <summary>What a region's latest report on or before a month says, by the revision it counts.</summary>
    private sealed record LatestReport(DateOnly Month, bool IsIllustrative, int RevisionId, int RevisionNumber, int Total, int? Employers, int? LocalEmployees);

    /// <summary>A region, and its latest report on or before the month where it has one.</summary>
    private sealed record RegionLatest(string Code, RegionKind Kind, LatestReport? Report);

    /// <summary>
    /// Every region with its latest report on or before the month that has an accepted revision (or, <c>withSubmitted</c>, one
    /// waiting for review): one seek per region on (RegionCode, Month), so the cost does not grow with the years the record holds.
    /// </summary>
    private static readonly StoreQuery<Func<QuotaDbContext, DateOnly, bool, IAsyncEnumerable<RegionLatest>>> LatestByRegion = new(() => EF.CompileAsyncQuery(
        (QuotaDbContext db, DateOnly month, bool withSubmitted) =>
            from g in db.Regions
            join r in db.Reports
                on db.Reports
                    .Where(x => x.RegionCode == g.Code && x.Month <= month
                        && (x.CurrentRevisionId != null || withSubmitted && db.Revisions.Any(s => s.ReportId == x.Id && s.State == RevisionState.Submitted)))
                    .OrderByDescending(x => x.Month)
                    .Select(x => (int?)x.Id)
                    .FirstOrDefault()
                equals (int?)r.Id into latest
            from r in latest.DefaultIfEmpty()
            join v in db.Revisions
                on (withSubmitted ? db.Revisions.Where(s => s.ReportId == r.Id && s.State == RevisionState.Submitted).Select(s => (int?)s.Id).FirstOrDefault() : null)
                    ?? r.CurrentRevisionId
                equals (int?)v.Id into counted
            from v in counted.DefaultIfEmpty()
            select new RegionLatest(g.Code, g.Kind,
                v == null ? null : new LatestReport(r.Month, r.IsIllustrative, v.Id, v.Number, v.Total, v.Employers, v.LocalEmployees))));

    private sealed record LineSum(Breakdown Dimension, string Key, long Count);

    /// <summary>The breakdown lines of the latest reports of the regions in scope, summed: the same seek per region, joined to the lines of its counted revision.</summary>
    private static readonly StoreQuery<Func<QuotaDbContext, DateOnly, string?, bool, IAsyncEnumerable<LineSum>>> LatestLineSums = new(() => EF.CompileAsyncQuery(
        (QuotaDbContext db, DateOnly month, string? regionCode, bool withSubmitted) =>
            from g in db.Regions
            where regionCode == null || g.Code == regionCode
            join l in db.BreakdownLines
                on db.Reports
                    .Where(x => x.RegionCode == g.Code && x.Month <= month
                        && (x.CurrentRevisionId != null || withSubmitted && db.Revisions.Any(s => s.ReportId == x.Id && s.State == RevisionState.Submitted)))
                    .OrderByDescending(x => x.Month)
                    .Select(x => (withSubmitted ? db.Revisions.Where(s => s.ReportId == x.Id && s.State == RevisionState.Submitted).Select(s => (int?)s.Id).FirstOrDefault() : null)
                        ?? x.CurrentRevisionId)
                    .FirstOrDefault()
                equals (int?)l.RevisionId
            group l by new { l.Dimension, l.Key } into lines
            select new LineSum(lines.Key.Dimension, lines.Key.Key, lines.Sum(l => (long)l.Count))));

    private static readonly StoreQuery<Func<QuotaDbContext, DateOnly, CancellationToken, Task<PublishedRelease?>>> ReleaseOf = new(() => EF.CompileAsyncQuery(
        (QuotaDbContext db, DateOnly month, CancellationToken ct) => db.Releases.AsNoTracking().Include(r => r.Figures).FirstOrDefault(r => r.AsOf == month)));

    private sealed record QuotaRevisionRow(int Sequence, int? Units, decimal? SharePct, string Label, DateOnly EffectiveFrom, bool EffectiveDayPublished,
        Wording PublishedWording, Wording? LegalAct, DateOnly? LegalActInForce, string Sources);

    private static readonly StoreQuery<Func<QuotaDbContext, int, DateOnly, CancellationToken, Task<QuotaRevisionRow?>>> QuotaRevisionInForce = new(() => EF.CompileAsyncQuery(
        (QuotaDbContext db, int year, DateOnly date, CancellationToken ct) => db.QuotaRevisions
            .Where(q => q.Year == year && q.EffectiveFrom <= date)
            .OrderByDescending(q => q.EffectiveFrom).ThenByDescending(q => q.Sequence)
            .Select(q => new QuotaRevisionRow(q.Sequence, q.Units, q.SharePct, q.Label, q.EffectiveFrom, q.EffectiveDayPublished,
                new Wording(q.PublishedWording, q.PublishedWordingRu, q.PublishedWordingKk),
                q.LegalAct == null ? null : new Wording(q.LegalAct, q.LegalActRu, q.LegalActKk), q.LegalActInForce, q.Sources))
            .FirstOrDefault()));

    private sealed record AllocationRow(string RegionCode, int? RevisionSequence, int Units, bool IsIllustrative, string? Source);

    private static readonly StoreQuery<Func<QuotaDbContext, int, int, IAsyncEnumerable<AllocationRow>>> AllocationsUnder = new(() => EF.CompileAsyncQuery(
        (QuotaDbContext db, int year, int sequence) => db.Allocations
            .Where(a => a.Year == year && (a.RevisionSequence == null || a.RevisionSequence == sequence))
            .Select(a => new AllocationRow(a.RegionCode, a.RevisionSequence, a.Units, a.IsIllustrative, a.Source))));

    public async Task<QuotaInForce> GetQuotaInForceAsync(DateOnly date, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QuotaInForceAsync(db, date, ct);
    }

    private static async Task<QuotaInForce> QuotaInForceAsync(QuotaDbContext db, DateOnly date, CancellationToken ct) =>
        await QuotaRevisionInForce[db](db, date.Year, date, ct) is { } q
            ? new QuotaInForce(date.Year, q.Units, q.SharePct, q.Sequence, q.Label, q.EffectiveFrom, q.EffectiveDayPublished, q.PublishedWording,
                q.LegalAct, q.LegalActInForce, q.Sources, q.Units is null ? UnitsMissing.NotPublished : null)
            : new QuotaInForce(date.Year, null, null, null, null, null, false, null, null, null, null, UnitsMissing.NoQuota);

    private static List<RegionUse> Ranking(IReadOnlyList<RegionLatest> regions, IReadOnlyList<AllocationRow> allocations) =>
        regions.Select(region =>
            {
                var allocation = QuotaRules.PickAllocation(allocations.Where(a => a.RegionCode == region.Code), a => a.IsIllustrative, a => a.RevisionSequence);
                var reported = (long?)region.Report?.Total;
                var use = reported is { } w && allocation is { Units: > 0 } a ? Math.Round(100m * w / a.Units, 1) : (decimal?)null;
                return new RegionUse(region.Code, reported, allocation?.Units,
                    allocation?.IsIllustrative ?? false, allocation?.Source, use, region.Report?.IsIllustrative ?? false);
            })
            .OrderByDescending(r => r.UsePct ?? -1).ThenByDescending(r => r.Workers ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

    public async Task<IReadOnlyList<QuotaStep>> GetQuotaHistoryAsync(int? year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuotaRevisions.AsNoTracking()
            .Where(q => year == null || q.Year == year)
            .OrderBy(q => q.Year).ThenBy(q => q.Sequence)
            .Select(q => new QuotaStep(q.Year, q.Sequence, q.Label, q.EffectiveFrom, q.EffectiveDayPublished, q.Units, q.SharePct,
                new Wording(q.PublishedWording, q.PublishedWordingRu, q.PublishedWordingKk),
                q.LegalAct == null ? null : new Wording(q.LegalAct, q.LegalActRu, q.LegalActKk), q.LegalActInForce,
                q.Basis == null ? null : new Wording(q.Basis, q.BasisRu, q.BasisKk), q.Sources))
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
            .Select(f => new PublishedFigureView(FigureNames.Name(f.Figure), f.Key, f.Value, f.Sources,
                f.Note == null ? null : new Wording(f.Note, f.NoteRu, f.NoteKk))).ToList();
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
        await db.Database.OpenConnectionAsync(ct);
        var published = regionCode is not null ? [] : await PublishedTotals[db](db).ToListAsync(ct);
        var sums = await MonthlySums[db](db, regionCode).ToListAsync(ct);
        var quota = await QuotaSteps[db](db).ToListAsync(ct);
        if (regionCode is not null)
        {
            var allocations = await RegionAllocations[db](db, regionCode).ToListAsync(ct);
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

    private sealed record PublishedTotal(DateOnly AsOf, decimal Value, string Sources);

    private static readonly StoreQuery<Func<QuotaDbContext, IAsyncEnumerable<PublishedTotal>>> PublishedTotals = new(() => EF.CompileAsyncQuery<QuotaDbContext, PublishedTotal>(
        (QuotaDbContext db) => db.PublishedFigures
            .Where(f => f.Figure == FigureKind.Total)
            .OrderBy(f => f.Release!.AsOf)
            .Select(f => new PublishedTotal(f.Release!.AsOf, f.Value, f.Sources))));

    internal sealed record MonthSum(DateOnly Month, long Total, int Regions, int Illustrative);

    /// <summary>The sum of the current revisions of each month, nationally or for one region; the revisions are joined before grouping, so each is read once.</summary>
    internal static readonly StoreQuery<Func<QuotaDbContext, string?, IAsyncEnumerable<MonthSum>>> MonthlySums = new(() => EF.CompileAsyncQuery<QuotaDbContext, string?, MonthSum>(
        (QuotaDbContext db, string? regionCode) =>
            from r in db.Reports
            where regionCode == null || r.RegionCode == regionCode
            join v in db.Revisions on r.CurrentRevisionId equals (int?)v.Id
            group new { v.Total, r.IsIllustrative } by r.Month into g
            orderby g.Key
            select new MonthSum(g.Key, g.Sum(x => (long)x.Total), g.Count(), g.Max(x => x.IsIllustrative ? 1 : 0))));

    private static readonly StoreQuery<Func<QuotaDbContext, IAsyncEnumerable<QuotaStep>>> QuotaSteps = new(() => EF.CompileAsyncQuery<QuotaDbContext, QuotaStep>(
        (QuotaDbContext db) => db.QuotaRevisions
            .OrderBy(q => q.Year).ThenBy(q => q.Sequence)
            .Select(q => new QuotaStep(q.Year, q.Sequence, q.Label, q.EffectiveFrom, q.EffectiveDayPublished, q.Units, q.SharePct,
                new Wording(q.PublishedWording, q.PublishedWordingRu, q.PublishedWordingKk),
                q.LegalAct == null ? null : new Wording(q.LegalAct, q.LegalActRu, q.LegalActKk), q.LegalActInForce,
                q.Basis == null ? null : new Wording(q.Basis, q.BasisRu, q.BasisKk), q.Sources))));

    private sealed record RegionAllocation(int Year, int? RevisionSequence, int Units, bool IsIllustrative);

    private static readonly StoreQuery<Func<QuotaDbContext, string, IAsyncEnumerable<RegionAllocation>>> RegionAllocations = new(() => EF.CompileAsyncQuery(
        (QuotaDbContext db, string regionCode) => db.Allocations
            .Where(a => a.RegionCode == regionCode)
            .Select(a => new RegionAllocation(a.Year, a.RevisionSequence, a.Units, a.IsIllustrative))));

    private static RegionRef ToRef(string code, RegionKind kind) => new(code, kind.ToString().ToLowerInvariant());
}
