using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Reference;

public sealed record RegionNames(string Code, string NameEn, string NameRu, string Kind, string? NameKk = null)
{
    public string Name => Names.Pick(NameEn, NameRu, NameKk);
}

public sealed record KeyNames(string Key, string NameEn, string NameRu, string? NameKk = null)
{
    public string Name => Names.Pick(NameEn, NameRu, NameKk);
}

/// <summary>The names of the codes the records carry, in every language the store holds; the edge picks the reader's.</summary>
[ImmutableObject(true)]
public sealed record ReferenceBook(IReadOnlyList<RegionNames> Regions, IReadOnlyList<KeyNames> Categories, IReadOnlyList<KeyNames> Sectors)
{
    public string Region(string code) => Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code;

    /// <summary>The regions in the order of their names in the reader's language.</summary>
    public IReadOnlyList<RegionNames> RegionsByName => Regions.OrderBy(r => r.Name, StringComparer.Create(CultureInfo.CurrentCulture, false)).ToList();

    /// <summary>The name of one item of a breakdown: a permit category, an OKED section (with its letter) or a country.</summary>
    public string Item(Breakdown dimension, string key, IStringLocalizer text) => dimension switch
    {
        Breakdown.Category => Categories.FirstOrDefault(c => c.Key == key)?.Name ?? key,
        Breakdown.Sector => key == Names.OtherKey
            ? text["Other sectors"]
            : Sectors.FirstOrDefault(s => s.Key == key) is { } s ? $"{s.Key} — {s.Name}" : key,
        _ => Names.Country(key),
    };
}

/// <summary>Regions, categories and sectors by code; read once, as they change only with a migration.</summary>
public sealed class ReferenceNames(IDbContextFactory<QuotaDbContext> dbFactory, HybridCache cache)
{
    public ValueTask<ReferenceBook> GetAsync(CancellationToken ct = default) =>
        cache.GetOrCreateAsync("reference", async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(token);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).Select(c => new KeyNames(c.Key, c.NameEn, c.NameRu, c.NameKk)).ToListAsync(token);
            var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Letter).Select(s => new KeyNames(s.Letter, s.NameEn, s.NameRu, s.NameKk)).ToListAsync(token);
            return new ReferenceBook(
                regions.Select(r => new RegionNames(r.Code, r.NameEn, r.NameRu, r.Kind.ToString().ToLowerInvariant(), r.NameKk)).ToList(), categories, sectors);
        }, tags: ["reference"], cancellationToken: ct);
}
