using System.Text.Json.Serialization;

namespace QuotaDashboard.Components.Charts;

[JsonConverter(typeof(JsonStringEnumConverter<ChartKind>))]
public enum ChartKind { Bar, HorizontalBar, Timeline, TileMap }

/// <summary>Everything one chart draws, handed as it is to the chart's JS module.</summary>
public sealed record ChartSpec
{
    public required ChartKind Kind { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public required IReadOnlyList<ChartSeries> Series { get; init; }
    public IReadOnlyList<ChartMark> Marks { get; init; } = [];
    /// <summary>BCP 47 tag the chart formats numbers and dates with.</summary>
    public required string Locale { get; init; }
    public string? ValueSuffix { get; init; }
    public string? XMin { get; init; }
    public string? XMax { get; init; }
    /// <summary>The tiles of a tile map, one per place, laid out on a grid of columns and rows.</summary>
    public IReadOnlyList<ChartTile> Tiles { get; init; } = [];
    /// <summary>Off for print, where a half-animated canvas must never be caught.</summary>
    public bool Animate { get; init; } = true;
}

/// <summary>Values for a category chart, or dated points for the timeline.</summary>
public sealed record ChartSeries
{
    public required string Label { get; init; }
    public IReadOnlyList<double?> Values { get; init; } = [];
    public IReadOnlyList<ChartPoint> Points { get; init; } = [];
    public IReadOnlyList<string> Colors { get; init; } = [];
    /// <summary>Bars drawn with a dark outline, e.g. the reader's own region among the others: colour already says its state.</summary>
    public IReadOnlyList<bool> Outlined { get; init; } = [];
    /// <summary>line, points or step.</summary>
    public string Style { get; init; } = "bar";
    /// <summary>Shown in the tooltip under each value, e.g. the source of a published figure.</summary>
    public IReadOnlyList<string?> Notes { get; init; } = [];
}

public sealed record ChartPoint(string X, double? Y);

/// <summary>One tile of a tile map: where it stands, its colour, the lines written on it, what its tooltip adds, and where a click leads.</summary>
public sealed record ChartTile(int Column, int Row, string Color, string TextColor, IReadOnlyList<string> Lines, string? Note, string? Href);

/// <summary>A dated vertical mark, e.g. a quota revision.</summary>
public sealed record ChartMark(string X, string Label);

/// <summary>What an exported image says around the chart, and its file name.</summary>
public sealed record PngExportMeta(string FileName, string Title, string Subtitle, string Source, string? Note);
