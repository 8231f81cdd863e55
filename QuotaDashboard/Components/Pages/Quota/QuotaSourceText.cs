using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Components.Pages.Quota;

/// <summary>The sources of a quota revision in the reader's language: the ministry's release worded, outlets as printed.</summary>
public static class QuotaSourceText
{
    public static string Words(string? sources, IStringLocalizer text) => string.Join("; ", QuotaSources.Parse(sources).Select(source =>
        source is { Kind: QuotaSourceKind.MinistryRelease, ReleaseAsOf: { } asOf }
            ? string.Format(CultureInfo.CurrentCulture, text["ministry release of {0:yyyy-MM-dd}"], asOf.ToDateTime(TimeOnly.MinValue))
            : source.Outlet ?? ""));
}
