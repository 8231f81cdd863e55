using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Export;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>
/// What of one chart's figures is illustrative regional data, said of that chart alone: a published release never is,
/// whatever else the page or the workbook shows.
/// </summary>
public static class IllustrativeText
{
    /// <summary>The name of the timeline's regional line (and of its column in an export).</summary>
    public static string RegionalLine(DashboardView view, IStringLocalizer text) =>
        view.Region is null ? text["Sum of regional reports"] : text["Regional reports"];

    /// <summary>Null where none of the chart's figures is illustrative; otherwise which of them are.</summary>
    public static string? For(string chart, DashboardView view, TimelineSeries? series, IStringLocalizer text) => chart switch
    {
        ChartNames.Categories => Whole(view.Categories, text),
        ChartNames.Sectors => Whole(view.Sectors, text),
        ChartNames.Countries => Whole(view.Countries, text),
        ChartNames.Timeline => series?.RegionalIllustrative == true ? Parts([RegionalLine(view, text)], text) : null,
        _ => Parts([
            .. view.Ranking.Any(r => r.ReportIllustrative) ? [text["Workers"].Value] : Array.Empty<string>(),
            .. view.Ranking.Any(r => r.AllocationIllustrative) ? [text["Allocation"].Value] : Array.Empty<string>()], text),
    };

    private static string? Whole(BreakdownView breakdown, IStringLocalizer text) =>
        breakdown.Source?.Illustrative == true ? text["illustrative regional data"].Value : null;

    private static string? Parts(IReadOnlyList<string> parts, IStringLocalizer text) => parts.Count == 0
        ? null
        : string.Format(CultureInfo.CurrentCulture, text["{0}: illustrative regional data"], string.Join(", ", parts));
}
