using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features.Dashboard;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>The headline figures as the dashboard and the briefing both print them.</summary>
public static class HeadlineText
{
    public static string Count(long? value, IStringLocalizer text) =>
        value?.ToString("N0", CultureInfo.CurrentCulture) ?? text["not published"];

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>The national quota in force, or for one region its allocation.</summary>
    public static string Quota(DashboardView view, IStringLocalizer text) => view.Region is null
        ? view.Quota.Units?.ToString("N0", CultureInfo.CurrentCulture) ?? view.Quota.UnitsMissingReason ?? ""
        : view.RegionUse?.Allocation?.ToString("N0", CultureInfo.CurrentCulture) ?? text["No allocation"];

    public static string Use(DashboardView view) => view.UsePct is { } use
        ? use.ToString("0.0", CultureInfo.CurrentCulture) + " %"
        : view.Quota.UnitsMissingReason ?? "—";
}
