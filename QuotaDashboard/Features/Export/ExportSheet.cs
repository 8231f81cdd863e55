namespace QuotaDashboard.Features.Export;

/// <summary>The names under which each chart is exported, as in file names and the export API.</summary>
public static class ChartNames
{
    public const string Categories = "workers-by-category";
    public const string Sectors = "workers-by-sector";
    public const string Countries = "workers-by-country";
    public const string Timeline = "quota-timeline";
    public const string Ranking = "regions-by-use";
    public const string Map = "regions-map";
}

/// <summary>One chart's numbers with the header block that says what they are: title, date, filters, source.</summary>
public sealed record ExportSheet(
    string Name,
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Header,
    IReadOnlyList<string> Columns,
    IReadOnlyList<object?[]> Rows);
