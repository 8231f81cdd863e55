using System.Collections.Concurrent;
using System.Globalization;
using QuotaDashboard.Data;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Api;

/// <summary>A name in every language of the product, so that a caller picks its own and the JSON is the same for all.</summary>
public sealed record Name(string En, string Ru, string Kk);

public sealed record ApiRegion(string Code, string Kind, Name Name);

public sealed record ApiBreakdownItem(string Key, Name Name, long Count, bool IsRemainder);

/// <summary>A breakdown as given; <c>sum</c> against <c>total</c> shows whether it adds up, <c>gap</c> by how much.</summary>
public sealed record ApiBreakdown(Breakdown Dimension, IReadOnlyList<ApiBreakdownItem> Items, FigureSource? Source, long Sum, long? Total, bool Complete, long? Gap);

public sealed record ApiRegionUse(string Code, Name Name, long? Workers, int? Allocation, bool AllocationIllustrative, string? AllocationSource,
    decimal? UsePct, bool ReportIllustrative);

/// <summary>The dashboard of a month, nationally or for one region: figures with their sources, breakdowns, quota and ranking.</summary>
public sealed record ApiDashboard(
    DateOnly Month,
    ApiRegion? Region,
    CountFigure Workers,
    QuotaInForce Quota,
    decimal? UsePct,
    CountFigure Employers,
    CountFigure LocalEmployees,
    PercentFigure LocalSharePct,
    ApiBreakdown Categories,
    ApiBreakdown Sectors,
    ApiBreakdown Countries,
    IReadOnlyList<ApiRegionUse> Ranking,
    Reconciliation Reconciliation,
    bool Illustrative);

/// <summary>Use of the quota by the nation (<c>regionCode</c> null, <c>name</c> null) or by one region of its allocation.</summary>
public sealed record ApiUseLine(string? RegionCode, Name? Name, long? Workers, int? Units, int? RevisionSequence, decimal? UsePct, UseState State,
    QuotaForecast Forecast, int PendingRevisions, bool Illustrative);

public sealed record ApiUse(DateOnly Month, QuotaInForce Quota, ThresholdsInForce Thresholds, ApiUseLine Nation, IReadOnlyList<ApiUseLine> Regions,
    IReadOnlyList<string> FlaggedRegionCodes);

public sealed record ApiQuotaYear(int Year, IReadOnlyList<QuotaStep> Revisions);

public sealed record ApiAllocation(string RegionCode, Name Name, int? Units, AllocationOrigin Origin, string? Source, string? EnteredBy,
    DateTime? EnteredAtUtc, int? RevisionSequence);

/// <summary>The allocations in force in a month; an officer gets the national units, the reserve and their own region, <c>allocated</c> null.</summary>
public sealed record ApiAllocations(int Year, DateOnly AsOf, int? RevisionSequence, int? NationalUnits, long? Allocated, long? Reserve,
    bool OverAllocated, IReadOnlyList<ApiAllocation> Regions);

/// <summary>Shapes the culture-neutral views for the API: codes keep their place, and each is given its names in en, ru and kk.</summary>
public static class ApiShapes
{
    private static readonly Name OtherCountries = new("Other countries", "Другие страны", "Басқа елдер");

    private static readonly Name OtherSectors = new("Other sectors", "Прочие отрасли", "Басқа салалар");

    private static readonly ConcurrentDictionary<string, Name> Countries = new(StringComparer.Ordinal);

    public static Name RegionName(this ReferenceBook book, string code) =>
        book.Regions.FirstOrDefault(r => r.Code == code) is { } r ? new(r.NameEn, r.NameRu, Kazakh(r.NameKk, r.NameRu)) : new(code, code, code);

    public static Name ItemName(this ReferenceBook book, Breakdown dimension, string key) => dimension switch
    {
        Breakdown.Category => book.Categories.FirstOrDefault(c => c.Key == key) is { } c ? Of(c) : new(key, key, key),
        Breakdown.Sector => key == Names.OtherKey ? OtherSectors : book.Sectors.FirstOrDefault(s => s.Key == key) is { } s ? Of(s) : new(key, key, key),
        _ => Country(key),
    };

    /// <summary>A country in the three languages from the platform's culture data, which words a country in the UI language in force.</summary>
    public static Name Country(string code) => code == Names.OtherKey ? OtherCountries : Countries.GetOrAdd(code, static c => new(
        InLanguage("en", c), InLanguage("ru", c), InLanguage("kk", c)));

    public static ApiDashboard ToApi(this DashboardView view, ReferenceBook book) => new(
        view.Month,
        view.Region is { } region ? new ApiRegion(region.Code, region.Kind, book.RegionName(region.Code)) : null,
        view.Workers, view.Quota, view.UsePct, view.Employers, view.LocalEmployees, view.LocalSharePct,
        view.Categories.ToApi(book), view.Sectors.ToApi(book), view.Countries.ToApi(book),
        [.. view.Ranking.Select(r => new ApiRegionUse(r.Code, book.RegionName(r.Code), r.Workers, r.Allocation, r.AllocationIllustrative,
            r.AllocationSource, r.UsePct, r.ReportIllustrative))],
        view.Reconciliation, view.Illustrative);

    public static ApiUse ToApi(this UseOverview use, ReferenceBook book) => new(use.Month, use.Quota, use.Thresholds, use.Nation.ToApi(book),
        [.. use.Regions.Select(r => r.ToApi(book))], [.. use.Flagged.Select(r => r.RegionCode!)]);

    public static ApiAllocations ToApi(this AllocationsInForce a, ReferenceBook book) => new(a.Year, a.AsOf, a.RevisionSequence, a.NationalUnits,
        a.Allocated, a.Reserve, a.OverAllocated,
        [.. a.Regions.Select(c => new ApiAllocation(c.RegionCode, book.RegionName(c.RegionCode), c.Units, c.Origin, c.Source, c.EnteredBy, c.EnteredAtUtc,
            c.RevisionSequence))]);

    private static ApiUseLine ToApi(this UseLine line, ReferenceBook book) => new(line.RegionCode,
        line.RegionCode is { } code ? book.RegionName(code) : null, line.Workers, line.Units, line.RevisionSequence, line.UsePct, line.State,
        line.Forecast, line.PendingRevisions, line.Illustrative);

    private static ApiBreakdown ToApi(this BreakdownView b, ReferenceBook book) => new(b.Dimension,
        [.. b.Items.Select(i => new ApiBreakdownItem(i.Key, book.ItemName(b.Dimension, i.Key), i.Count, i.IsRemainder))],
        b.Source, b.Sum, b.Total, b.Complete, b.Gap);

    private static Name Of(KeyNames names) => new(names.NameEn, names.NameRu, Kazakh(names.NameKk, names.NameRu));

    // As on the pages: a Kazakh name not stored yet reads as the Russian, the other official language in the same script.
    private static string Kazakh(string? kazakh, string russian) => string.IsNullOrWhiteSpace(kazakh) ? russian : kazakh;

    private static string InLanguage(string language, string code)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return Names.Country(code);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
