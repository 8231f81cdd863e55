using System.Globalization;
using QuotaDashboard.Data;
using QuotaDashboard.Features;

namespace QuotaDashboard.Components.Pages.Reports;

/// <summary>How the report screens write months, counts and moments, in the user's culture.</summary>
public static class ReportText
{
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Count(int? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>The server does not know the reader's time zone, so a moment is shown in UTC and says so.</summary>
    public static string When(DateTime utc) => utc.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    /// <summary>A key as a reader looks for it: sections by letter and name, countries by name and code.</summary>
    public static string KeyLabel(Breakdown dimension, string key, string name) => dimension switch
    {
        Breakdown.Sector => $"{key} — {name}",
        Breakdown.Country when key != Names.OtherKey => $"{name} ({key})",
        _ => name,
    };

    public static string Query(string regionCode, DateOnly month) =>
        $"region={Uri.EscapeDataString(regionCode)}&month={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
}
