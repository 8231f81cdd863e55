using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>Use of the quota in the reader's language: each state with its colour, an icon and words, and the forecast said in a sentence.</summary>
public static class UseText
{
    public static string Color(UseState state) => state switch
    {
        UseState.Over => DashboardCharts.Red,
        UseState.Near => DashboardCharts.Amber,
        UseState.Within => DashboardCharts.Blue,
        _ => "#9e9e9e",
    };

    /// <summary>The state's colour for tiles, with text that reads on it at AA contrast (4.5:1 or more).</summary>
    public static (string Fill, string Text) Tile(UseState state) => state switch
    {
        UseState.Over => ("#b34d00", "#ffffff"),
        UseState.Near => ("#e69f00", "#1a1a1a"),
        UseState.Within => ("#cfe3f3", "#0d2a45"),
        _ => ("#eeeeee", "#424242"),
    };

    /// <summary>A sign drawn beside the figure, so that the state reads without colour.</summary>
    public static string Glyph(UseState state) => state switch
    {
        UseState.Over => "✖",
        UseState.Near => "⚠",
        UseState.Within => "✓",
        _ => "–",
    };

    public static string MudIcon(UseState state) => state switch
    {
        UseState.Over => MudBlazor.Icons.Material.Filled.Block,
        UseState.Near => MudBlazor.Icons.Material.Filled.WarningAmber,
        UseState.Within => MudBlazor.Icons.Material.Filled.CheckCircleOutline,
        _ => MudBlazor.Icons.Material.Filled.HelpOutline,
    };

    public static string Words(UseState state, UseThresholds thresholds, IStringLocalizer text) => state switch
    {
        UseState.Over => string.Format(CultureInfo.CurrentCulture, text["over the limit (≥ {0} %)"], thresholds.OverPct),
        UseState.Near => string.Format(CultureInfo.CurrentCulture, text["near the limit (≥ {0} %)"], thresholds.NearPct),
        UseState.Within => string.Format(CultureInfo.CurrentCulture, text["within the limit (< {0} %)"], thresholds.NearPct),
        _ => text["no use to show"],
    };

    public static string Percent(decimal? pct) => pct is { } p ? p.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "—";

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"At about +120 workers a month, 100 % would be reached in October 2026", or why there is no such month.</summary>
    public static string Forecast(QuotaForecast forecast, IStringLocalizer text) => forecast.Outcome switch
    {
        ForecastOutcome.NotEnoughHistory => string.Format(CultureInfo.CurrentCulture, text["Not enough history for a trend: {0} of at least {1} months of the year counted."],
            forecast.PointsUsed.Count, QuotaForecast.MinimumPoints),
        ForecastOutcome.NoQuota => text["No quota with units in force: nothing to forecast against."],
        ForecastOutcome.AlreadyReached => string.Format(CultureInfo.CurrentCulture, text["100 % has been reached since {0}."], MonthName(forecast.ReachMonth!.Value)),
        ForecastOutcome.Reaches => string.Format(CultureInfo.CurrentCulture, text["At about {0} workers a month, 100 % would be reached in {1}."],
            Slope(forecast), MonthName(forecast.ReachMonth!.Value)),
        _ => string.Format(CultureInfo.CurrentCulture, text["At about {0} workers a month, 100 % would not be reached within the year."], Slope(forecast)),
    };

    /// <summary>The method in words: which months, the slope, and that a trend is no promise.</summary>
    public static string Method(QuotaForecast forecast, IStringLocalizer text) => forecast.PointsUsed.Count < QuotaForecast.MinimumPoints
        ? text["A straight line is fitted by least squares through the last six months of the year once at least three are counted."]
        : string.Format(CultureInfo.CurrentCulture, text["Least-squares straight line through {0} months, {1} to {2}: {3} workers a month, continued to December against the quota in force each month. A trend is not a promise."],
            forecast.PointsUsed.Count, MonthName(forecast.PointsUsed[0].Month), MonthName(forecast.PointsUsed[^1].Month), Slope(forecast));

    private static string Slope(QuotaForecast forecast) =>
        (forecast.SlopePerMonth ?? 0).ToString("+#,0;−#,0;0", CultureInfo.CurrentCulture);
}
