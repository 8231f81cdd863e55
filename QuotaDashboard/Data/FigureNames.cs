namespace QuotaDashboard.Data;

/// <summary>The names of the published figures as releases.csv, the API and the release reader write them.</summary>
public static class FigureNames
{
    private static readonly IReadOnlyDictionary<FigureKind, string> Names = new Dictionary<FigureKind, string>
    {
        [FigureKind.Total] = "total",
        [FigureKind.Category] = "category",
        [FigureKind.Sector] = "sector",
        [FigureKind.Country] = "country",
        [FigureKind.Employers] = "employers",
        [FigureKind.LocalEmployeesMoreThan] = "local_employees_more_than",
        [FigureKind.LocalSharePct] = "local_share_pct",
    };

    public static string Name(FigureKind kind) => Names[kind];

    public static bool TryParse(string? name, out FigureKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (n == name)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Figures that break the total down by a key; the others stand alone with an empty key.</summary>
    public static bool IsBreakdown(FigureKind kind) => kind is FigureKind.Category or FigureKind.Sector or FigureKind.Country;
}
