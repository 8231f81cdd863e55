namespace QuotaDashboard.Data;

public enum RegionKind { Region, City }

public sealed class Region
{
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public required string NameKk { get; set; }
    public RegionKind Kind { get; set; }
}

public sealed class PermitCategory
{
    public required string Key { get; set; }
    public int Order { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public required string NameKk { get; set; }
}

public sealed class Sector
{
    public required string Letter { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public required string NameKk { get; set; }
}

/// <summary>One region's report for one month; its figures live in revisions, none overwritten.</summary>
public sealed class PermitReport
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public DateOnly Month { get; set; }
    public bool IsIllustrative { get; set; }
    /// <summary>The accepted revision, the one every figure counts; null until one is accepted.</summary>
    public int? CurrentRevisionId { get; set; }
    public PermitReportRevision? CurrentRevision { get; set; }
    public List<PermitReportRevision> Revisions { get; set; } = [];
    /// <summary>Bumped on every new revision; a save from a stale screen fails instead of winning silently.</summary>
    public int Version { get; set; }
}

public sealed class PermitReportRevision
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public PermitReport? Report { get; set; }
    public int Number { get; set; }
    public int Total { get; set; }
    public int? Employers { get; set; }
    public int? LocalEmployees { get; set; }
    public string? Comment { get; set; }
    public string? MismatchReason { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public RevisionState State { get; set; }
    /// <summary>Who accepted or returned it, and when; an analyst's own entry is accepted by its author as it is saved.</summary>
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? ReturnReason { get; set; }
    public List<BreakdownLine> Lines { get; set; } = [];
}

/// <summary>
/// Where a revision stands in review. An officer's revision is submitted; an analyst accepts it or returns it with a reason, and a
/// submission followed by another revision of the same report before a decision is superseded. At most one revision of a report is
/// submitted, and it is the latest. Accepted comes first: every revision stored before review existed counted as it was saved.
/// </summary>
public enum RevisionState { Accepted, Submitted, Returned, Superseded }

public enum Breakdown { Category, Sector, Country }

public sealed class BreakdownLine
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public Breakdown Dimension { get; set; }
    public required string Key { get; set; }
    public int Count { get; set; }
}

public enum DatePrecision { Day, Month }

/// <summary>
/// One version of a national release as the Ministry published it; a figure it does not give is simply absent.
/// An analyst's correction is a new version of the same as-of month, and only the current one counts.
/// </summary>
public sealed class PublishedRelease
{
    public int Id { get; set; }
    public DateOnly AsOf { get; set; }
    public DatePrecision AsOfPrecision { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public int Version { get; set; } = 1;
    public bool IsCurrent { get; set; } = true;
    public string EnteredBy { get; set; } = PublishedRecord.SeedUser;
    public DateTime EnteredAtUtc { get; set; }
    /// <summary>Why this version was entered: the correction it makes.</summary>
    public string? Comment { get; set; }
    public List<PublishedFigure> Figures { get; set; } = [];
}

/// <summary>Who entered what the seed files hold: a code, worded for the reader where authors are shown (<see cref="Features.Names.Author"/>).</summary>
public static class PublishedRecord
{
    public const string SeedUser = "seed:published";

    /// <summary>What stores made before the code held.</summary>
    public const string FormerSeedUser = "seed (published record)";
}

public enum FigureKind { Total, Category, Sector, Country, Employers, LocalEmployeesMoreThan, LocalSharePct }

public sealed class PublishedFigure
{
    public int Id { get; set; }
    public int ReleaseId { get; set; }
    public PublishedRelease? Release { get; set; }
    public FigureKind Figure { get; set; }
    public string Key { get; set; } = "";
    public decimal Value { get; set; }
    public required string Sources { get; set; }
    public string? Note { get; set; }
    public string? NoteRu { get; set; }
    public string? NoteKk { get; set; }
}

public sealed class QuotaRevision
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Label { get; set; }
    /// <summary>Null where the units were not published (2026: a share only).</summary>
    public int? Units { get; set; }
    public decimal? SharePct { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public bool EffectiveDayPublished { get; set; }
    public required string PublishedWording { get; set; }
    public required string PublishedWordingRu { get; set; }
    /// <summary>Empty in a store made before revisions had Kazakh wordings, until the seeder fills it; a reader then gets the Russian.</summary>
    public string PublishedWordingKk { get; set; } = "";
    /// <summary>As entered; the seed files give the Russian and Kazakh too, and a screen falls back to the entered text without them.</summary>
    public string? LegalAct { get; set; }
    public string? LegalActRu { get; set; }
    public string? LegalActKk { get; set; }
    public DateOnly? LegalActInForce { get; set; }
    public string? Basis { get; set; }
    public string? BasisRu { get; set; }
    public string? BasisKk { get; set; }
    public required string Sources { get; set; }
    /// <summary>The labour force the share is taken of, where the source gives it.</summary>
    public long? LabourForce { get; set; }
    /// <summary>False once a correction supersedes it; the history keeps it.</summary>
    public bool IsCurrent { get; set; } = true;
    /// <summary>The revision of the same year that this one corrects.</summary>
    public int? SupersedesSequence { get; set; }
    public string EnteredBy { get; set; } = PublishedRecord.SeedUser;
    public DateTime EnteredAtUtc { get; set; }
}

/// <summary>A region's part of a year's quota. Without a revision it holds for every revision of the year.</summary>
public sealed class RegionalAllocation
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int? RevisionSequence { get; set; }
    public required string RegionCode { get; set; }
    public int Units { get; set; }
    public bool IsIllustrative { get; set; }
    public string? Source { get; set; }
    /// <summary>False once a correction replaces it; the history keeps it.</summary>
    public bool IsCurrent { get; set; } = true;
    public string EnteredBy { get; set; } = PublishedRecord.SeedUser;
    public DateTime EnteredAtUtc { get; set; }
}

/// <summary>
/// The use of the quota at which regions are near the limit and over it, as an analyst set them. Every change is a new row; the
/// latest holds, and without any the defaults of 90 % and 100 % do.
/// </summary>
public sealed class UseThresholdChange
{
    public int Id { get; set; }
    public decimal NearPct { get; set; }
    public decimal OverPct { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}
