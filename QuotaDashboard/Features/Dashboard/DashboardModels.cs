using System.ComponentModel;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Dashboard;

public enum SourceKind { PublishedRelease, RegionalReports, RegionalReport, QuotaRevision }

/// <summary>
/// Where a figure comes from, named on every screen and export that shows it; the edge words it in the reader's language.
/// A release gives its date and whether the day was stated; one region's report its region, month and revision; the sum of
/// the regional reports how many regions it counts of how many.
/// </summary>
public sealed record FigureSource(SourceKind Kind, IReadOnlyList<string> Links, bool Illustrative,
    DateOnly? ReleaseAsOf = null, bool ReleaseDayStated = true,
    string? RegionCode = null, DateOnly? ReportMonth = null, int? RevisionNumber = null,
    int? RegionsReporting = null, int? RegionCount = null);

public sealed record CountFigure(long? Value, FigureSource? Source)
{
    public static CountFigure Unknown { get; } = new(null, null);
}

public sealed record PercentFigure(decimal? Value, FigureSource? Source, bool Derived);

public sealed record BreakdownItem(string Key, long Count, bool IsRemainder = false);

/// <summary>A breakdown as given; <see cref="Sum"/> against <see cref="Total"/> shows whether it adds up.</summary>
public sealed record BreakdownView(Breakdown Dimension, IReadOnlyList<BreakdownItem> Items, FigureSource? Source, long Sum, long? Total, bool Complete)
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
    Wording? PublishedWording,
    Wording? LegalAct,
    DateOnly? LegalActInForce,
    string? Sources,
    UnitsMissing? UnitsMissing);

/// <summary>Why a quota figure has no units: no quota is set for the year, or its units were never published.</summary>
public enum UnitsMissing { NoQuota, NotPublished }

public sealed record RegionRef(string Code, string Kind);

public sealed record RegionUse(string Code, long? Workers, int? Allocation, bool AllocationIllustrative, string? AllocationSource, decimal? UsePct, bool ReportIllustrative);

public sealed record Reconciliation(long? Published, long? RegionalSum, int RegionsReporting, int RegionCount)
{
    public long? Difference => Published is { } p && RegionalSum is { } r ? r - p : null;
}

[ImmutableObject(true)]
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

/// <summary>A point of the timeline: a published total with its sources, or a sum of regional reports with how many regions it counts.</summary>
public sealed record SeriesPoint(DateOnly Date, long Value, string? Sources, int? RegionsReporting);

public sealed record QuotaStep(int Year, int Sequence, string Label, DateOnly EffectiveFrom, bool EffectiveDayPublished, int? Units, decimal? SharePct,
    Wording PublishedWording, Wording? LegalAct, DateOnly? LegalActInForce, Wording? Basis, string Sources);

/// <summary>Nationally when <see cref="RegionCode"/> is null; otherwise one region's reports and allocation.</summary>
[ImmutableObject(true)]
public sealed record TimelineSeries(IReadOnlyList<SeriesPoint> Published, IReadOnlyList<SeriesPoint> RegionalSums, IReadOnlyList<QuotaStep> Quota, bool RegionalIllustrative, string? RegionCode = null);

public sealed record PublishedFigureView(string Figure, string Key, decimal Value, string Sources, Wording? Note);

public sealed record PublishedReleaseView(DateOnly AsOf, string AsOfPrecision, DateOnly? PublishedOn, IReadOnlyList<PublishedFigureView> Figures, IReadOnlyList<string> Sources);

public enum QualityKind { BreakdownGap, PublishedVsRegional, QuotaLabourForce, SourceNote, RegionalMismatch }

/// <summary>
/// One disagreement in the record; the screen words it in the user's language. <paramref name="RegionCode"/> names the region it
/// belongs to, null for the nation's; <paramref name="Words"/> is the quota's wording or the source's note in the languages the
/// record holds it in.
/// </summary>
public sealed record QualityIssue(QualityKind Kind, DateOnly? Date, string Subject, decimal? Expected, decimal? Actual, string? Detail,
    string? RegionCode = null, Wording? Words = null);

/// <summary>Every disagreement in the record, as computed once for all readers.</summary>
[ImmutableObject(true)]
public sealed record QualityReport(IReadOnlyList<QualityIssue> Issues);

/// <summary>The months the record holds, newest first, and those with a published release.</summary>
[ImmutableObject(true)]
public sealed record RecordMonths(IReadOnlyList<DateOnly> Months, IReadOnlyList<DateOnly> ReleaseMonths);
