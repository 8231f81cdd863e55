using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Components.Pages.Quota;

/// <summary>What the revision form holds while the analyst types; units left out are "not published", never zero.</summary>
public sealed class QuotaRevisionForm
{
    public int? Year { get; set; }
    public DateTime? EffectiveFrom { get; set; }
    public bool DayPublished { get; set; } = true;
    public bool UnitsPublished { get; set; } = true;
    public int? Units { get; set; }
    public decimal? SharePct { get; set; }
    public long? LabourForce { get; set; }
    public string? LegalAct { get; set; }
    public string? LegalActRu { get; set; }
    public string? LegalActKk { get; set; }
    public DateTime? LegalActInForce { get; set; }
    public string? Basis { get; set; }
    public string? BasisRu { get; set; }
    public string? BasisKk { get; set; }
    public string Sources { get; set; } = "";
    public string Wording { get; set; } = "";
    public string WordingRu { get; set; } = "";
    public string WordingKk { get; set; } = "";
    /// <summary>The revision a correction supersedes; null for a new revision.</summary>
    public int? CorrectsSequence { get; set; }

    /// <summary>A day that was not published counts from the first of its month, whatever day the picker shows.</summary>
    public QuotaRevisionInput ToInput()
    {
        var from = EffectiveFrom is { } date ? DateOnly.FromDateTime(date) : default;
        return new QuotaRevisionInput(
            Year ?? from.Year,
            DayPublished || from == default ? from : new DateOnly(from.Year, from.Month, 1),
            DayPublished,
            UnitsPublished ? Units : null,
            SharePct,
            LabourForce,
            LegalAct,
            LegalActInForce is { } inForce ? DateOnly.FromDateTime(inForce) : null,
            Basis,
            Sources,
            Wording,
            WordingRu,
            WordingKk,
            LegalActRu,
            LegalActKk,
            BasisRu,
            BasisKk);
    }

    public static QuotaRevisionForm Correcting(QuotaRevisionView revision) => new()
    {
        Year = revision.Year,
        EffectiveFrom = revision.EffectiveFrom.ToDateTime(TimeOnly.MinValue),
        DayPublished = revision.DayPublished,
        UnitsPublished = revision.Units is not null,
        Units = revision.Units,
        SharePct = revision.SharePct,
        LabourForce = revision.LabourForce,
        LegalAct = revision.LegalAct,
        LegalActRu = revision.LegalActRu,
        LegalActKk = revision.LegalActKk,
        LegalActInForce = revision.LegalActInForce?.ToDateTime(TimeOnly.MinValue),
        Basis = revision.Basis,
        BasisRu = revision.BasisRu,
        BasisKk = revision.BasisKk,
        Sources = revision.Sources,
        Wording = revision.Wording,
        WordingRu = revision.WordingRu,
        WordingKk = revision.WordingKk,
        CorrectsSequence = revision.Sequence,
    };
}
