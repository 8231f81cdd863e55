using System.Globalization;
using CsvHelper;

namespace QuotaDashboard.Data.Seeding;

/// <summary>The CSV files under data/ that the store is seeded from, read as they are written.</summary>
public static class SeedFiles
{
    public static IReadOnlyList<T> Read<T>(string dataDirectory, string fileName) where T : class
    {
        using var csv = CsvReader.FromFile(Path.Combine(dataDirectory, fileName), new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture });
        return csv.GetRecords<T>().ToList();
    }
}

[CsvRecord]
public sealed partial record RegionRow(
    [property: CsvColumn("code")] string Code,
    [property: CsvColumn("name_en")] string NameEn,
    [property: CsvColumn("name_ru")] string NameRu,
    [property: CsvColumn("name_kk")] string NameKk,
    [property: CsvColumn("kind")] string Kind);

[CsvRecord]
public sealed partial record CategoryRow(
    [property: CsvColumn("key")] string Key,
    [property: CsvColumn("order")] int Order,
    [property: CsvColumn("name_en")] string NameEn,
    [property: CsvColumn("name_ru")] string NameRu,
    [property: CsvColumn("name_kk")] string NameKk);

[CsvRecord]
public sealed partial record SectorRow(
    [property: CsvColumn("letter")] string Letter,
    [property: CsvColumn("name_en")] string NameEn,
    [property: CsvColumn("name_ru")] string NameRu,
    [property: CsvColumn("name_kk")] string NameKk);

[CsvRecord]
public sealed partial record ReleaseRow(
    [property: CsvColumn("as_of")] string AsOf,
    [property: CsvColumn("as_of_precision")] string AsOfPrecision,
    [property: CsvColumn("published_on")] string PublishedOn,
    [property: CsvColumn("figure")] string Figure,
    [property: CsvColumn("key")] string Key,
    [property: CsvColumn("value")] decimal Value,
    [property: CsvColumn("sources")] string Sources,
    [property: CsvColumn("note")] string Note,
    [property: CsvColumn("note_ru")] string NoteRu,
    [property: CsvColumn("note_kk")] string NoteKk);

[CsvRecord]
public sealed partial record QuotaRevisionRow(
    [property: CsvColumn("year")] int Year,
    [property: CsvColumn("sequence")] int Sequence,
    [property: CsvColumn("label")] string Label,
    [property: CsvColumn("units")] int? Units,
    [property: CsvColumn("share_pct")] decimal? SharePct,
    [property: CsvColumn("effective_from")] DateOnly EffectiveFrom,
    [property: CsvColumn("effective_day_published")] bool EffectiveDayPublished,
    [property: CsvColumn("published_wording")] string PublishedWording,
    [property: CsvColumn("published_wording_ru")] string PublishedWordingRu,
    [property: CsvColumn("published_wording_kk")] string PublishedWordingKk,
    [property: CsvColumn("legal_act")] string LegalAct,
    [property: CsvColumn("legal_act_ru")] string LegalActRu,
    [property: CsvColumn("legal_act_kk")] string LegalActKk,
    [property: CsvColumn("legal_act_in_force")] DateOnly? LegalActInForce,
    [property: CsvColumn("basis")] string Basis,
    [property: CsvColumn("basis_ru")] string BasisRu,
    [property: CsvColumn("basis_kk")] string BasisKk,
    [property: CsvColumn("sources")] string Sources);

[CsvRecord]
public sealed partial record AllocationRow(
    [property: CsvColumn("year")] int Year,
    [property: CsvColumn("region")] string Region,
    [property: CsvColumn("units")] int Units,
    [property: CsvColumn("source")] string Source);

[CsvRecord]
public sealed partial record IllustrativeAllocationRow(
    [property: CsvColumn("year")] int Year,
    [property: CsvColumn("revision_sequence")] int RevisionSequence,
    [property: CsvColumn("region")] string Region,
    [property: CsvColumn("units")] int Units);

[CsvRecord]
public sealed partial record IllustrativeReportRow(
    [property: CsvColumn("month")] DateOnly Month,
    [property: CsvColumn("region")] string Region,
    [property: CsvColumn("figure")] string Figure,
    [property: CsvColumn("key")] string Key,
    [property: CsvColumn("value")] int Value);
