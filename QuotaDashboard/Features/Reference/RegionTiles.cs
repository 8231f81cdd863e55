namespace QuotaDashboard.Features.Reference;

/// <summary>
/// Where each region's tile stands on the map: a grid of seven columns from west to east and five rows from north to south that
/// keeps every region roughly where it lies and next to its neighbours, the three cities beside the regions around them.
/// </summary>
public static class RegionTiles
{
    public static readonly IReadOnlyDictionary<string, (int Column, int Row)> Places = new Dictionary<string, (int, int)>
    {
        ["KZ-27"] = (0, 0), // West Kazakhstan
        ["KZ-39"] = (2, 0), // Kostanay
        ["KZ-59"] = (3, 0), // North Kazakhstan
        ["KZ-55"] = (4, 0), // Pavlodar
        ["KZ-23"] = (0, 1), // Atyrau
        ["KZ-15"] = (1, 1), // Aktobe
        ["KZ-11"] = (3, 1), // Akmola
        ["KZ-71"] = (4, 1), // Astana
        ["KZ-10"] = (5, 1), // Abai
        ["KZ-63"] = (6, 1), // East Kazakhstan
        ["KZ-47"] = (0, 2), // Mangystau
        ["KZ-62"] = (2, 2), // Ulytau
        ["KZ-35"] = (3, 2), // Karaganda
        ["KZ-33"] = (5, 2), // Jetisu
        ["KZ-43"] = (1, 3), // Kyzylorda
        ["KZ-61"] = (2, 3), // Turkistan
        ["KZ-31"] = (3, 3), // Jambyl
        ["KZ-19"] = (4, 3), // Almaty Region
        ["KZ-79"] = (2, 4), // Shymkent
        ["KZ-75"] = (4, 4), // Almaty
    };
}
