using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace QuotaDashboard.Data.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Folder of the seed CSV files; relative paths are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "";

    public bool IllustrativeData { get; set; } = true;

    /// <summary>
    /// The demonstration accounts, beside the illustrative data. The host turns this on in Development, or where
    /// <c>Seed:DemoAccounts=true</c> is set on purpose, so that accounts whose passwords are printed in the README never exist in a
    /// deployment by default.
    /// </summary>
    public bool DemoAccounts { get; set; }
}

/// <summary>Adds what the seed files hold and the store lacks; running it again changes nothing.</summary>
public sealed class DatabaseSeeder(IDbContextFactory<QuotaDbContext> dbFactory, IOptions<SeedOptions> options, ILogger<DatabaseSeeder> logger)
{
    /// <summary>The author of the illustrative reports: a code, worded for the reader where authors are shown.</summary>
    public const string SeedUser = "seed:illustrative";

    /// <summary>What stores made before the code held.</summary>
    public const string FormerSeedUser = "seed (illustrative regional data)";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var dir = options.Value.DataDirectory;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        await AddMissingAsync(db, db.Regions, r => r.Code,
            SeedFiles.Read<RegionRow>(dir, "regions.csv").Select(r => new Region
            {
                Code = r.Code, NameEn = r.NameEn, NameRu = r.NameRu, NameKk = r.NameKk,
                Kind = Enum.Parse<RegionKind>(r.Kind, ignoreCase: true),
            }), cancellationToken);
        var categories = SeedFiles.Read<CategoryRow>(dir, "categories.csv");
        var sectors = SeedFiles.Read<SectorRow>(dir, "sectors.csv");
        await AddMissingAsync(db, db.Categories, c => c.Key,
            categories.Select(c => new PermitCategory
            {
                Key = c.Key, Order = c.Order, NameEn = c.NameEn, NameRu = c.NameRu, NameKk = c.NameKk,
            }), cancellationToken);
        await AddMissingAsync(db, db.Sectors, s => s.Letter,
            sectors.Select(s => new Sector
            {
                Letter = s.Letter, NameEn = s.NameEn, NameRu = s.NameRu, NameKk = s.NameKk,
            }), cancellationToken);
        await AddMissingKazakhNamesAsync(db, categories.ToDictionary(c => c.Key, c => c.NameKk), sectors.ToDictionary(s => s.Letter, s => s.NameKk), cancellationToken);
        var releaseRows = SeedFiles.Read<ReleaseRow>(dir, "releases.csv");
        await AddMissingAsync(db, db.Releases, r => r.AsOf, ReleaseSeed.FromRows(releaseRows), cancellationToken);
        await AddMissingNoteTranslationsAsync(db, releaseRows, cancellationToken);
        var quotaRows = SeedFiles.Read<QuotaRevisionRow>(dir, "quota-revisions.csv");
        await AddMissingAsync(db, db.QuotaRevisions, q => new { q.Year, q.Sequence },
            quotaRows.Select(q => new QuotaRevision
            {
                Year = q.Year, Sequence = q.Sequence, Label = q.Label, Units = q.Units, SharePct = q.SharePct,
                EffectiveFrom = q.EffectiveFrom, EffectiveDayPublished = q.EffectiveDayPublished,
                PublishedWording = q.PublishedWording, PublishedWordingRu = q.PublishedWordingRu, PublishedWordingKk = q.PublishedWordingKk,
                LegalAct = NullIfEmpty(q.LegalAct), LegalActRu = NullIfEmpty(q.LegalActRu), LegalActKk = NullIfEmpty(q.LegalActKk),
                LegalActInForce = q.LegalActInForce,
                Basis = NullIfEmpty(q.Basis), BasisRu = NullIfEmpty(q.BasisRu), BasisKk = NullIfEmpty(q.BasisKk), Sources = q.Sources,
            }), cancellationToken);
        await AddMissingQuotaTranslationsAsync(db, quotaRows, cancellationToken);
        await AddMissingAsync(db, db.Allocations, a => new { a.Year, a.RevisionSequence, a.RegionCode },
            SeedFiles.Read<AllocationRow>(dir, "allocations.csv").Select(a => new RegionalAllocation
            {
                Year = a.Year, RegionCode = a.Region, Units = a.Units, Source = a.Source,
            }), cancellationToken);

        if (options.Value.IllustrativeData)
        {
            await AddMissingAsync(db, db.Allocations, a => new { a.Year, a.RevisionSequence, a.RegionCode },
                SeedFiles.Read<IllustrativeAllocationRow>(dir, "illustrative-allocations.csv").Select(a => new RegionalAllocation
                {
                    Year = a.Year, RevisionSequence = a.RevisionSequence, RegionCode = a.Region, Units = a.Units,
                    IsIllustrative = true, Source = "illustrative regional data",
                }), cancellationToken);
            await AddMissingReportsAsync(db, SeedFiles.Read<IllustrativeReportRow>(dir, "illustrative-reports.csv"), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    private async Task AddMissingAsync<TEntity, TKey>(QuotaDbContext db, DbSet<TEntity> set,
        System.Linq.Expressions.Expression<Func<TEntity, TKey>> key, IEnumerable<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        // Superseded rows count too: a corrected seed row is not seeded again.
        var existing = (await set.IgnoreQueryFilters().AsNoTracking().Select(key).ToListAsync(cancellationToken)).ToHashSet();
        var keyOf = key.Compile();
        var missing = rows.Where(r => !existing.Contains(keyOf(r))).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        set.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Seeded {Count} {Entity} rows", missing.Count, typeof(TEntity).Name);
    }

    /// <summary>A store made before categories and sectors had Kazakh names holds them empty; they come from the same seed files.</summary>
    private async Task AddMissingKazakhNamesAsync(QuotaDbContext db, IReadOnlyDictionary<string, string> categories,
        IReadOnlyDictionary<string, string> sectors, CancellationToken cancellationToken)
    {
        var unnamedCategories = await db.Categories.Where(c => c.NameKk == "").ToListAsync(cancellationToken);
        var unnamedSectors = await db.Sectors.Where(s => s.NameKk == "").ToListAsync(cancellationToken);
        foreach (var category in unnamedCategories)
        {
            category.NameKk = categories.GetValueOrDefault(category.Key, "");
        }
        foreach (var sector in unnamedSectors)
        {
            sector.NameKk = sectors.GetValueOrDefault(sector.Letter, "");
        }
        var named = await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (named > 0)
        {
            logger.LogInformation("Added the Kazakh names of {Count} categories and sectors", named);
        }
    }

    /// <summary>
    /// A store made before the notes of the record had Russian and Kazakh holds them in English only; the translations come from the
    /// same seed file, for the seeded version of a release only and matched on its figure and English note as printed: a version an
    /// analyst saved holds what the analyst gave (or carried over), and is never filled in behind them.
    /// </summary>
    private async Task AddMissingNoteTranslationsAsync(QuotaDbContext db, IReadOnlyList<ReleaseRow> rows, CancellationToken cancellationToken)
    {
        var translations = rows.Where(r => r.Note != "")
            .GroupBy(r => (ReleaseSeed.ParseAsOf(r.AsOf), ReleaseSeed.ParseFigure(r.Figure), r.Key))
            .ToDictionary(g => g.Key, g => g.First());
        var untranslated = await db.PublishedFigures.IgnoreQueryFilters()
            .Where(f => f.Note != null && f.Note != "" && (f.NoteRu == null || f.NoteKk == null))
            .Where(f => f.Release!.EnteredBy == PublishedRecord.SeedUser && f.Release.Version == 1)
            .Select(f => new { Figure = f, f.Release!.AsOf })
            .ToListAsync(cancellationToken);
        foreach (var (figure, asOf) in untranslated.Select(x => (x.Figure, x.AsOf)))
        {
            if (translations.TryGetValue((asOf, figure.Figure, figure.Key), out var row) && row.Note == figure.Note)
            {
                figure.NoteRu ??= NullIfEmpty(row.NoteRu);
                figure.NoteKk ??= NullIfEmpty(row.NoteKk);
            }
        }
        var translated = await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (translated > 0)
        {
            logger.LogInformation("Added the Russian and Kazakh of {Count} notes on published figures", translated);
        }
    }

    /// <summary>The same for the quota revisions of the seed file: the Kazakh wording, and the legal act and basis in Russian and Kazakh.</summary>
    private async Task AddMissingQuotaTranslationsAsync(QuotaDbContext db, IReadOnlyList<QuotaRevisionRow> rows, CancellationToken cancellationToken)
    {
        var seeded = rows.ToDictionary(r => (r.Year, r.Sequence));
        var untranslated = await db.QuotaRevisions.IgnoreQueryFilters()
            .Where(q => q.EnteredBy == PublishedRecord.SeedUser && (q.PublishedWordingKk == "" || (q.LegalAct != null && q.LegalActKk == null) || (q.Basis != null && q.BasisKk == null)))
            .ToListAsync(cancellationToken);
        foreach (var revision in untranslated)
        {
            if (!seeded.TryGetValue((revision.Year, revision.Sequence), out var row) || row.PublishedWording != revision.PublishedWording)
            {
                continue;
            }
            if (revision.PublishedWordingKk == "")
            {
                revision.PublishedWordingKk = row.PublishedWordingKk;
            }
            if (revision.LegalAct == NullIfEmpty(row.LegalAct))
            {
                revision.LegalActRu ??= NullIfEmpty(row.LegalActRu);
                revision.LegalActKk ??= NullIfEmpty(row.LegalActKk);
            }
            if (revision.Basis == NullIfEmpty(row.Basis))
            {
                revision.BasisRu ??= NullIfEmpty(row.BasisRu);
                revision.BasisKk ??= NullIfEmpty(row.BasisKk);
            }
        }
        var translated = await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (translated > 0)
        {
            logger.LogInformation("Added the Kazakh wording and the translations of {Count} quota revisions", translated);
        }
    }

    private async Task AddMissingReportsAsync(QuotaDbContext db, IReadOnlyList<IllustrativeReportRow> rows, CancellationToken cancellationToken)
    {
        var existing = (await db.Reports.AsNoTracking().Select(r => new { r.RegionCode, r.Month }).ToListAsync(cancellationToken))
            .Select(r => (r.RegionCode, r.Month)).ToHashSet();
        var enteredAt = DateTime.UtcNow;
        var reports = new List<PermitReport>();
        foreach (var group in rows.GroupBy(r => (r.Region, r.Month)).Where(g => !existing.Contains(g.Key)))
        {
            // Illustrative figures stand for accepted reports: they count from the start.
            var revision = new PermitReportRevision
            {
                Number = 1, EnteredBy = SeedUser, EnteredAtUtc = enteredAt,
                State = RevisionState.Accepted, DecidedBy = SeedUser, DecidedAtUtc = enteredAt,
            };
            foreach (var row in group)
            {
                switch (row.Figure)
                {
                    case "total": revision.Total = row.Value; break;
                    case "employers": revision.Employers = row.Value; break;
                    case "local_employees": revision.LocalEmployees = row.Value; break;
                    default:
                        revision.Lines.Add(new BreakdownLine { Dimension = Enum.Parse<Breakdown>(row.Figure, ignoreCase: true), Key = row.Key, Count = row.Value });
                        break;
                }
            }
            reports.Add(new PermitReport { RegionCode = group.Key.Region, Month = group.Key.Month, IsIllustrative = true, Version = 1, Revisions = [revision] });
        }
        if (reports.Count == 0)
        {
            return;
        }
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync(cancellationToken);
        // The current revision can only point at a revision once it has its key.
        foreach (var report in reports)
        {
            report.CurrentRevisionId = report.Revisions[0].Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Seeded {Count} illustrative regional reports", reports.Count);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
