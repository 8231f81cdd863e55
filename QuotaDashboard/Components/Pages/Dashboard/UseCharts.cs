using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Charts;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>The charts of use: the tile map of the regions.</summary>
public static class UseCharts
{
    /// <summary>One tile per region the reader may see, coloured by its state, with the state's sign, its use and its workers; a click opens its dashboard.</summary>
    public static ChartSpec Map(UseOverview use, ReferenceBook names, IStringLocalizer text) => new()
    {
        Kind = ChartKind.TileMap,
        Locale = CultureInfo.CurrentCulture.Name is { Length: > 0 } name ? name : "en",
        Series = [new ChartSeries { Label = text["Use of the allocation"] }],
        Tiles = use.Regions.Where(r => RegionTiles.Places.ContainsKey(r.RegionCode!)).Select(r =>
        {
            var (column, row) = RegionTiles.Places[r.RegionCode!];
            var (fill, ink) = UseText.Tile(r.State);
            return new ChartTile(column, row, fill, ink,
                [names.Region(r.RegionCode!), $"{UseText.Glyph(r.State)} {UseText.Percent(r.UsePct)}", r.Workers is { } w ? w.ToString("N0", CultureInfo.CurrentCulture) : "—"],
                $"{UseText.Words(r.State, use.Thresholds.Thresholds, text)}; {string.Format(CultureInfo.CurrentCulture, text["{0:N0} workers of {1:N0} allocated"], r.Workers ?? 0, r.Units ?? 0)}",
                $"/?asOf={use.Month:yyyy-MM}&region={r.RegionCode}");
        }).ToList(),
    };
}
