namespace QuotaDashboard.SeedGenerator;

/// <summary>
/// The assumptions behind the illustrative split: how big each region's foreign workforce is and where
/// each category, sector and country concentrates. Nothing here is published; it only shapes the seed
/// matrices that are then fitted to the published national figures.
/// </summary>
internal static class RegionProfiles
{
    const string Capitals = "KZ-71 KZ-75", Cities = "KZ-71 KZ-75 KZ-79", Oil = "KZ-23 KZ-27 KZ-47",
        Farms = "KZ-19 KZ-31 KZ-33 KZ-61", Mining = "KZ-15 KZ-23 KZ-35 KZ-47 KZ-62 KZ-63",
        Industry = "KZ-15 KZ-35 KZ-55 KZ-63", North = "KZ-11 KZ-39 KZ-55 KZ-59 KZ-63";

    /// <summary>Relative size of each region's foreign workforce outside seasonal work.</summary>
    static readonly Dictionary<string, double> Weights = new()
    {
        ["KZ-10"] = 1.5, ["KZ-11"] = 2, ["KZ-15"] = 5, ["KZ-19"] = 4, ["KZ-23"] = 20,
        ["KZ-27"] = 7, ["KZ-31"] = 3, ["KZ-33"] = 1.5, ["KZ-35"] = 2.6, ["KZ-39"] = 2,
        ["KZ-43"] = 3.5, ["KZ-47"] = 7, ["KZ-55"] = 3.5, ["KZ-59"] = 1, ["KZ-61"] = 3,
        ["KZ-62"] = 1.5, ["KZ-63"] = 4, ["KZ-71"] = 8, ["KZ-75"] = 10, ["KZ-79"] = 0.9,
    };

    /// <summary>How much more of a key a region has than its size says; factors multiply, unnamed pairs are 1.</summary>
    static readonly (string Keys, string Regions, double Factor)[] Affinities =
    [
        ("cat1 cat2 ict", Capitals + " KZ-23", 3), ("ict", "KZ-27 KZ-47", 2), ("cat1 cat2 ict", Farms, 0.4),
        ("cat4 F", Mining, 1.5), ("F", "KZ-71 KZ-79", 1.5),
        ("seasonal A", Farms, 10), ("seasonal A", "KZ-10 KZ-11 KZ-39 KZ-43 KZ-59", 2), ("seasonal A", Oil + " " + Capitals, 0.1),
        ("B", Mining, 6), ("B", "KZ-27 KZ-43 KZ-55", 2), ("B", Cities, 0.05),
        ("C", Industry + " KZ-75 KZ-79", 2), ("D", "KZ-10 KZ-35 KZ-55", 2.5), ("H", "KZ-19 KZ-31 KZ-33 KZ-75", 1.5),
        ("G I J K L M N P Q R S", Cities, 3), ("M N", Oil, 2),
        ("CN", "KZ-15 KZ-19 KZ-43 KZ-63", 3), ("CN", "KZ-10 KZ-33", 2), ("CN", "KZ-61 KZ-79", 0.5),
        ("UZ", "KZ-19 KZ-61", 5), ("UZ", "KZ-79", 2), ("UZ", "KZ-31 KZ-33", 2.5), ("UZ", North, 0.3),
        ("TR", Capitals + " KZ-23 KZ-47", 2), ("IN", Oil, 3), ("RU BY", North, 3), ("RU", "KZ-71", 1.5),
        ("KG", "KZ-19 KZ-31 KZ-33 KZ-75", 3), ("TJ", "KZ-61 KZ-79", 3), ("KR", Capitals, 3),
        ("GB US FR IT DE", Oil, 3), ("GB US FR IT DE", Capitals, 2), ("AZ TM", "KZ-23 KZ-47", 3),
        (ReportFigures.Employers, Cities, 1.1), (ReportFigures.Employers, Oil, 0.85),
        (ReportFigures.LocalEmployees, Cities + " " + Industry, 1.2),
    ];

    /// <summary>How the part of a breakdown that no release names is shared among keys no release names.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Unnamed =
        new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            [ReportFigures.Sector] = new Dictionary<string, double>
            {
                ["G"] = 20, ["H"] = 10, ["D"] = 8, ["J"] = 7, ["I"] = 6, ["Q"] = 5, ["E"] = 4,
                ["K"] = 3, ["L"] = 3, ["P"] = 3, ["S"] = 3, ["R"] = 2, ["O"] = 1,
            },
            [ReportFigures.Country] = new Dictionary<string, double>
            {
                ["RU"] = 30, ["KG"] = 12, ["KR"] = 10, ["TJ"] = 8, ["GB"] = 6, ["DE"] = 5, ["IT"] = 5,
                ["US"] = 5, ["BY"] = 5, ["TM"] = 5, ["AZ"] = 4, ["FR"] = 4, ["other"] = 40,
            },
        };

    static readonly Dictionary<(string Key, string Region), double> Factors = Affinities
        .SelectMany(a => a.Keys.Split(' ').SelectMany(k => a.Regions.Split(' ').Select(r => (Pair: (k, r), a.Factor))))
        .GroupBy(a => a.Pair, a => a.Factor)
        .ToDictionary(g => g.Key, g => g.Aggregate(1.0, (x, y) => x * y));

    public static double Weight(string region) =>
        Weights.TryGetValue(region, out var weight) ? weight : throw new InvalidDataException($"No profile for region {region}.");

    public static double Affinity(string key, string region) => Factors.GetValueOrDefault((key, region), 1.0);
}
