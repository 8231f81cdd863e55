namespace QuotaDashboard.SeedGenerator;

/// <summary>One figure of one region's illustrative monthly report (a row of illustrative-reports.csv).</summary>
public sealed record ReportRow(DateOnly Month, string Region, string Figure, string Key, int Value);

/// <summary>One region's illustrative share of one quota revision (a row of illustrative-allocations.csv).</summary>
public sealed record AllocationRow(int Year, int RevisionSequence, string Region, int Units);

public sealed record GeneratedData(IReadOnlyList<ReportRow> Reports, IReadOnlyList<AllocationRow> Allocations);

public static class ReportFigures
{
    public const string Total = "total";
    public const string Category = "category";
    public const string Sector = "sector";
    public const string Country = "country";
    public const string Employers = "employers";
    public const string LocalEmployees = "local_employees";

    /// <summary>The order of figures within one region's report in the CSV file.</summary>
    public static readonly IReadOnlyList<string> Order = [Total, Category, Sector, Country, Employers, LocalEmployees];

    public static readonly IReadOnlyList<string> Breakdowns = [Category, Sector, Country];
}
