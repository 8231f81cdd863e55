using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>The source of a figure in the reader's language, as the dashboard, the briefing and the exports all name it.</summary>
public static class SourceText
{
    public static string Of(FigureSource source, ReferenceBook names, IStringLocalizer text) => source.Kind switch
    {
        SourceKind.PublishedRelease when source.ReleaseAsOf is { } asOf => string.Format(CultureInfo.CurrentCulture,
            text["Ministry of Labour and Social Protection, release of {0}"], source.ReleaseDayStated
                ? asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : string.Format(CultureInfo.CurrentCulture, text["{0:yyyy-MM}, day not stated"], asOf.ToDateTime(TimeOnly.MinValue))),
        SourceKind.RegionalReport when source.RegionCode is { } region && source.ReportMonth is { } month => string.Format(CultureInfo.CurrentCulture,
            text["Regional report of {0} for {1:yyyy-MM}, revision {2}"], names.Region(region), month.ToDateTime(TimeOnly.MinValue), source.RevisionNumber),
        _ => string.Format(CultureInfo.CurrentCulture, text["Sum of regional reports ({0} of {1} regions)"], source.RegionsReporting, source.RegionCount),
    };

    /// <summary>The source followed by its addresses, for a file that has no links to hover.</summary>
    public static string WithLinks(FigureSource source, ReferenceBook names, IStringLocalizer text) =>
        string.Join(" ", [Of(source, names, text), .. source.Links]);

    public static string? OfOrNull(FigureSource? source, ReferenceBook names, IStringLocalizer text) =>
        source is null ? null : Of(source, names, text);
}
