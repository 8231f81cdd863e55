using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Export;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>The data-quality notes in words, as the panel shows them and the exports write them.</summary>
public static class QualityText
{
    public static string KindName(QualityKind kind, IStringLocalizer text) => kind switch
    {
        QualityKind.BreakdownGap => text["Breakdown does not add up"],
        QualityKind.PublishedVsRegional => text["Published vs regional reports"],
        QualityKind.QuotaLabourForce => text["Quota units vs share"],
        QualityKind.RegionalMismatch => text["Regional report does not add up"],
        _ => text["Note on the source"],
    };

    public static string Describe(QualityIssue issue, IStringLocalizer text, CultureInfo culture) => issue.Kind switch
    {
        QualityKind.BreakdownGap => string.Format(culture, text[issue.Subject switch
            {
                "sectors" => "The sectors add up to {0:N0}, more than the published total of {1:N0} ({2:+#,0;-#,0;0}).",
                "countries" => "The countries add up to {0:N0}, more than the published total of {1:N0} ({2:+#,0;-#,0;0}).",
                _ => "The six categories add up to {0:N0} against the published total of {1:N0} ({2:+#,0;-#,0;0}).",
            }], issue.Actual, issue.Expected, issue.Actual - issue.Expected),
        QualityKind.PublishedVsRegional => string.Format(culture, text["Published total {0:N0}; sum of regional reports {1:N0} ({2:+#,0;-#,0;0})."],
            issue.Expected, issue.Actual, issue.Actual - issue.Expected),
        QualityKind.QuotaLabourForce => string.Format(culture, text["{0}: {1:N0} units at {2} % imply a labour force of {3:N0}."],
            issue.Words?.InReadersLanguage() ?? issue.Subject, issue.Expected,
            decimal.TryParse(issue.Detail, NumberStyles.Number, CultureInfo.InvariantCulture, out var share) ? share.ToString(culture) : issue.Detail,
            issue.Actual),
        QualityKind.RegionalMismatch => string.Format(culture, text["{0}: breakdown adds up to {1:N0} against the total of {2:N0}. Reason given: {3}"],
            issue.Subject, issue.Actual, issue.Expected, issue.Detail ?? "—"),
        _ => issue.Words?.InReadersLanguage() ?? issue.Detail ?? "",
    };

    /// <summary>How far a chart's breakdown is from the total it belongs to, or null where it adds up.</summary>
    public static string? BreakdownGap(string chart, BreakdownView breakdown, IStringLocalizer text, CultureInfo culture) =>
        breakdown.Gap is { } gap && gap != 0
            ? string.Format(culture, text[chart switch
                {
                    ChartNames.Categories => "The six categories add up to {0:N0}, {1:N0} {2} than the total of {3:N0}.",
                    ChartNames.Sectors => "The sectors add up to {0:N0}, {1:N0} {2} than the total of {3:N0}.",
                    _ => "The countries add up to {0:N0}, {1:N0} {2} than the total of {3:N0}.",
                }], breakdown.Sum, Math.Abs(gap), gap > 0 ? text["more"] : text["fewer"], breakdown.Total)
            : null;
}
