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
        ? view.Quota.Units?.ToString("N0", CultureInfo.CurrentCulture) ?? MissingReason(view.Quota, text) ?? ""
        : view.RegionUse?.Allocation?.ToString("N0", CultureInfo.CurrentCulture) ?? text["No allocation"];

    /// <summary>Where the quota figure comes from: the quota revision nationally, the allocation's source for one region.</summary>
    public static string? QuotaSource(DashboardView view, IStringLocalizer text) => view.Region is null
        ? Pages.Quota.QuotaSourceText.Words(view.Quota.Sources, text)
        : view.RegionUse is { Allocation: not null } r
            ? (r.AllocationIllustrative ? text["illustrative regional data"] : r.AllocationSource)
            : null;

    public static string Use(DashboardView view, IStringLocalizer text) => view.UsePct is { } use
        ? use.ToString("0.0", CultureInfo.CurrentCulture) + " %"
        : MissingReason(view.Quota, text) ?? "—";

    /// <summary>Why the quota has no units, or null where it has them.</summary>
    public static string? MissingReason(QuotaInForce quota, IStringLocalizer text) => quota.UnitsMissing switch
    {
        UnitsMissing.NoQuota => text["No quota is set for this year"].Value,
        UnitsMissing.NotPublished => text["Units not published"].Value,
        _ => null,
    };
}
