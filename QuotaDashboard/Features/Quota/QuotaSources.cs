using System.Globalization;
using System.Text.RegularExpressions;

namespace QuotaDashboard.Features.Quota;

public enum QuotaSourceKind { MinistryRelease, Outlet }

/// <summary>One source of a quota revision: the ministry's own release of a month, or an outlet (an address or a name, as printed).</summary>
public sealed record QuotaSource(QuotaSourceKind Kind, DateOnly? ReleaseAsOf, string? Outlet);

/// <summary>
/// Reads the sources of a quota revision as the record stores them ("ministry release of 2025-12-01; mgorod.kz (2025-09-01)") into
/// sources a screen words in the reader's language, so that no English sentence reaches a Russian or Kazakh page.
/// </summary>
public static partial class QuotaSources
{
    [GeneratedRegex(@"^ministry release of (\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MinistryRelease();

    public static IReadOnlyList<QuotaSource> Parse(string? sources) =>
        string.IsNullOrWhiteSpace(sources)
            ? []
            : sources.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
                MinistryRelease().Match(part) is { Success: true } m
                    ? new QuotaSource(QuotaSourceKind.MinistryRelease,
                        DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : new QuotaSource(QuotaSourceKind.Outlet, null, part)).ToList();
}
