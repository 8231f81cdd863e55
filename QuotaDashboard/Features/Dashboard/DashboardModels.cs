namespace QuotaDashboard.Features.Dashboard;

public enum SourceKind { PublishedRelease, RegionalReports, RegionalReport, QuotaRevision }

/// <summary>Where a figure comes from, named on every screen and export that shows it.</summary>
public sealed record FigureSource(SourceKind Kind, string Text, IReadOnlyList<string> Links, bool Illustrative);

public sealed record CountFigure(long? Value, FigureSource? Source)
{
    public static CountFigure Unknown { get; } = new(null, null);
}

public sealed record PercentFigure(decimal? Value, FigureSource? Source, bool Derived);

public sealed record BreakdownItem(string Key, string Name, long Count, bool IsRemainder = false);

/// <summary>A breakdown as given; <see cref="Sum"/> against <see cref="Total"/> shows whether it adds up.</summary>
public sealed record BreakdownView(IReadOnlyList<BreakdownItem> Items, FigureSource? Source, long Sum, long? Total, bool Complete)
{
    public long? Gap => Complete && Total is { } total ? Sum - total : null;
}

public sealed record QuotaInForce(
    int Year,
    int? Units,
    decimal? SharePct,
    int? RevisionSequence,
    string? RevisionLabel,
    DateOnly? EffectiveFrom,
    bool EffectiveDayPublished,
    string? PublishedWording,
    string? LegalAct,
    DateOnly? LegalActInForce,
    string? Sources,
    string? UnitsMissingReason);

public sealed record RegionRef(string Code, string Name, string Kind);

public sealed record RegionUse(string Code, string Name, long? Workers, int? Allocation, bool AllocationIllustrative, string? AllocationSource, decimal? UsePct, bool ReportIllustrative);

public sealed record Reconciliation(long? Published, long? RegionalSum, int RegionsReporting, int RegionCount)
{
    public long? Difference => Published is { } p && RegionalSum is { } r ? r - p : null;
}

public sealed record DashboardView(
    DateOnly Month,
    RegionRef? Region,
    CountFigure Workers,
    QuotaInForce Quota,
    decimal? UsePct,
    CountFigure Employers,
    CountFigure LocalEmployees,
    PercentFigure LocalSharePct,
    BreakdownView Categories,
    BreakdownView Sectors,
    BreakdownView Countries,
    IReadOnlyList<RegionUse> Ranking,
    Reconciliation Reconciliation,
    bool Illustrative)
{
    /// <summary>The chosen region's line of the ranking: its workers against its allocation.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public RegionUse? RegionUse => Region is null ? null : Ranking.FirstOrDefault(r => r.Code == Region.Code);
}

public sealed record SeriesPoint(DateOnly Date, long Value, string? Note);

public sealed record QuotaStep(int Year, int Sequence, string Label, DateOnly EffectiveFrom, bool EffectiveDayPublished, int? Units, decimal? SharePct,
    string PublishedWording, string PublishedWordingRu, string? LegalAct, DateOnly? LegalActInForce, string? Basis, string Sources)
{
    public string Wording => Names.Pick(PublishedWording, PublishedWordingRu);
}

/// <summary>Nationally when <see cref="RegionCode"/> is null; otherwise one region's reports and allocation.</summary>
public sealed record TimelineSeries(IReadOnlyList<SeriesPoint> Published, IReadOnlyList<SeriesPoint> RegionalSums, IReadOnlyList<QuotaStep> Quota, bool RegionalIllustrative, string? RegionCode = null);

public sealed record PublishedFigureView(string Figure, string Key, decimal Value, string Sources, string? Note);

public sealed record PublishedReleaseView(DateOnly AsOf, string AsOfPrecision, DateOnly? PublishedOn, IReadOnlyList<PublishedFigureView> Figures, IReadOnlyList<string> Sources);

public enum QualityKind { BreakdownGap, PublishedVsRegional, QuotaLabourForce, SourceNote, RegionalMismatch }

/// <summary>One disagreement in the record; the screen words it in the user's language. <paramref name="RegionCode"/> names the region it belongs to, null for the nation's.</summary>
public sealed record QualityIssue(QualityKind Kind, DateOnly? Date, string Subject, decimal? Expected, decimal? Actual, string? Detail, string? RegionCode = null);
