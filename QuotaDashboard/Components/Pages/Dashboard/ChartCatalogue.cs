using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Charts;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Export;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>What every chart of a dashboard is drawn from: the month's view, the timeline, and the use of the quota.</summary>
public sealed record ChartData(DashboardView View, TimelineSeries Series, UseOverview Use, ReferenceBook Names);

/// <summary>One chart as the dashboard, the briefing and the exports all know it: its name, title, source and drawing.</summary>
public sealed record CatalogueChart(
    string Name,
    Func<ChartData, IStringLocalizer, string> Title,
    Func<ChartData, IStringLocalizer, string?> Source,
    Func<ChartData, IStringLocalizer, int?, ChartSpec> Spec,
    int PrintHeight);

/// <summary>
/// The one list of charts. The dashboard lays them out, the briefing prints them, and the exports write their numbers, each reading
/// names, titles and sources from here, so that a chart added here exists everywhere at once.
/// </summary>
public static class ChartCatalogue
{
    public static readonly IReadOnlyList<CatalogueChart> All =
    [
        new(ChartNames.Categories, (_, t) => t["Workers by permit category"], (d, t) => SourceText.OfOrNull(d.View.Categories.Source, d.Names, t),
            (d, t, _) => DashboardCharts.Breakdown(d.View.Categories, d.Names, t, t["Workers"], ChartKind.HorizontalBar, DashboardCharts.Blue), 260),
        new(ChartNames.Sectors, (_, t) => t["Workers by sector (OKED)"], (d, t) => SourceText.OfOrNull(d.View.Sectors.Source, d.Names, t),
            (d, t, _) => DashboardCharts.Breakdown(d.View.Sectors, d.Names, t, t["Workers"], ChartKind.HorizontalBar, DashboardCharts.Teal), 260),
        new(ChartNames.Countries, (_, t) => t["Workers by country of origin"], (d, t) => SourceText.OfOrNull(d.View.Countries.Source, d.Names, t),
            (d, t, _) => DashboardCharts.Breakdown(d.View.Countries, d.Names, t, t["Workers"], ChartKind.HorizontalBar, DashboardCharts.Blue), 260),
        new(ChartNames.Timeline, TimelineTitle, TimelineSource,
            (d, t, year) => DashboardCharts.Timeline(d.Series, year, t, ForecastOf(d)), 340),
        new(ChartNames.Ranking, (_, t) => t["Regions by use of their allocation"], RankingSource,
            (d, t, _) => DashboardCharts.Ranking(d.View.Ranking, d.View.Region?.Code, d.Names, t, d.Use.Thresholds.Thresholds), 420),
        new(ChartNames.Map, (_, t) => t["Map of the regions by use of their allocation"], RankingSource,
            (d, t, _) => UseCharts.Map(d.Use, d.Names, t), 380),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(c => c.Name)];

    public static CatalogueChart Get(string name) => All.First(c => c.Name == name);

    /// <summary>The forecast of what the timeline shows: the nation's, or the region's.</summary>
    public static Features.Quota.QuotaForecast? ForecastOf(ChartData data) => data.View.Region is null
        ? data.Use.Nation.Forecast
        : data.Use.Regions.FirstOrDefault(r => r.RegionCode == data.View.Region.Code)?.Forecast;

    private static string TimelineTitle(ChartData d, IStringLocalizer t) => d.View.Region is null
        ? t["Workers and the quota over time"]
        : string.Format(CultureInfo.CurrentCulture, t["{0}: workers and allocation over time"], d.Names.Region(d.View.Region.Code));

    private static string TimelineSource(ChartData d, IStringLocalizer t) => d.View.Region is null
        ? t["Published releases (points, source on hover); regional reports (line); quota revisions (steps). * day not published: counts from the first day of the month or the first release that reports it."]
        : t["The region's reports (line) and its allocation under each quota revision (steps). * day not published: counts from the first day of the month or the first release that reports it."];

    private static string RankingSource(ChartData d, IStringLocalizer t) =>
        string.Format(CultureInfo.CurrentCulture, t["Regional reports: each region's latest on or before {0}; allocations of the {1} quota"],
            d.View.Month.ToString("MMMM yyyy", CultureInfo.CurrentCulture), d.View.Quota.Year);
}
