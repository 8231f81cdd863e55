using System.Security.Claims;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>
/// Use of the quota of the nation (<paramref name="RegionCode"/> null) or of one region's allocation on a month: accepted workers ÷
/// the units in force under revision <paramref name="RevisionSequence"/>, its state against the thresholds, and where the year's trend leads.
/// </summary>
public sealed record UseLine(
    string? RegionCode,
    long? Workers,
    int? Units,
    int? RevisionSequence,
    decimal? UsePct,
    UseState State,
    QuotaForecast Forecast,
    int PendingRevisions,
    bool Illustrative);

/// <summary>Every line the reader may see, regions by use, highest first, as the ranking orders them.</summary>
public sealed record UseOverview(DateOnly Month, QuotaInForce Quota, ThresholdsInForce Thresholds, UseLine Nation, IReadOnlyList<UseLine> Regions)
{
    /// <summary>The regions at or over a threshold, those over it first.</summary>
    public IReadOnlyList<UseLine> Flagged => [.. Regions.Where(r => r.State is UseState.Near or UseState.Over).OrderByDescending(r => r.State).ThenByDescending(r => r.UsePct)];

    /// <summary>
    /// The nation (first) and the regions whose state rose to near or over the limit since an earlier reading of the same month under
    /// the same thresholds: what new figures, not new thresholds, did.
    /// </summary>
    public IReadOnlyList<UseLine> CrossedSince(UseOverview? before)
    {
        if (before is null || before.Month != Month || before.Thresholds.Thresholds != Thresholds.Thresholds)
        {
            return [];
        }
        var was = before.Regions.ToDictionary(r => r.RegionCode!, r => r.State);
        bool Rose(UseLine line, UseState earlier) => line.State is UseState.Near or UseState.Over && line.State > earlier;
        return [.. new[] { Nation }.Where(n => Rose(n, before.Nation.State))
            .Concat(Regions.Where(r => Rose(r, was.GetValueOrDefault(r.RegionCode!, UseState.Unknown))))];
    }

    /// <summary>Whether another reading says the same, line for line.</summary>
    public bool SameAs(UseOverview? other) =>
        other is not null && Month == other.Month && Quota == other.Quota && Thresholds == other.Thresholds && Same(Nation, other.Nation)
        && Regions.Count == other.Regions.Count && Regions.Zip(other.Regions).All(pair => Same(pair.First, pair.Second));

    private static bool Same(UseLine a, UseLine b) => a with { Forecast = b.Forecast } == b && a.Forecast.SameAs(b.Forecast);
}

/// <summary>
/// One reading of use for the dashboard, the map, the briefing, the exports and <c>/api/use</c>, so that they agree: it is made of
/// the cached dashboard view of the month (its ranking) and the cached timelines, never queried a second way.
/// </summary>
public sealed class UseQueries(DashboardQueries dashboard, UseThresholdSettings thresholds, QuotaDashboard.Features.Reports.ApprovalQueries approvals)
{
    public async Task<UseOverview> GetUseAsync(DateOnly month, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        return await UseOfAsync(await dashboard.GetDashboardAsync(month, null, reader, ct), reader, ct);
    }

    /// <summary>Use as if every revision waiting for review were accepted (see <see cref="DashboardQueries.GetPreviewAsync"/>); the trends stay those of accepted revisions.</summary>
    public async Task<UseOverview> GetPreviewAsync(DateOnly month, ClaimsPrincipal reader, CancellationToken ct = default)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        return await UseOfAsync(await dashboard.GetPreviewAsync(month, null, reader, ct), reader, ct);
    }

    private async Task<UseOverview> UseOfAsync(DashboardView view, ClaimsPrincipal reader, CancellationToken ct)
    {
        var month = view.Month;
        var inForce = await thresholds.GetAsync(ct);
        var pending = await approvals.PendingByRegionAsync(month, reader, ct);
        var levels = inForce.Thresholds;

        var nationForecast = UseForecasts.Of(await dashboard.GetSeriesAsync(null, reader, ct), month);
        var nation = new UseLine(null, view.Workers.Value, view.Quota.Units, view.Quota.RevisionSequence, view.UsePct, levels.StateOf(view.UsePct),
            nationForecast, pending.Values.Sum(), view.Workers.Source?.Illustrative ?? false);

        var regions = new List<UseLine>(view.Ranking.Count);
        foreach (var region in view.Ranking)
        {
            var forecast = UseForecasts.Of(await dashboard.GetSeriesAsync(region.Code, reader, ct), month);
            regions.Add(new UseLine(region.Code, region.Workers, region.Allocation, view.Quota.RevisionSequence, region.UsePct, levels.StateOf(region.UsePct),
                forecast, pending.GetValueOrDefault(region.Code), region.ReportIllustrative || region.AllocationIllustrative));
        }
        return new UseOverview(month, view.Quota, inForce, nation, regions);
    }
}
