using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Data;

public sealed class MigrationTests : IDisposable
{
    private readonly string _file = RepositoryPaths.NewDatabaseFile();

    [Fact]
    public async Task Migrations_turn_an_empty_sqlite_file_into_every_table_of_the_model()
    {
        await File.WriteAllBytesAsync(_file, []);
        await using var db = new QuotaDbContext(new DbContextOptionsBuilder<QuotaDbContext>().UseSqlite($"Data Source={_file}").Options);

        await db.Database.MigrateAsync();

        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct();
        Assert.Equal(
            modelTables.Append(StoreTables.MigrationsHistory).Append(StoreTables.MigrationsLock).Order(StringComparer.Ordinal),
            await StoreTables.NamesAsync(db));
        Assert.Equal(21, modelTables.Count());
        Assert.All(await StoreTables.CountRowsAsync(db), t => Assert.True(t.Table == StoreTables.MigrationsHistory || t.Rows == 0, $"{t.Table} holds {t.Rows} rows"));
    }

    [Fact]
    public async Task The_migrations_history_of_a_migrated_file_holds_every_migration_and_none_is_pending()
    {
        await using var db = new QuotaDbContext(new DbContextOptionsBuilder<QuotaDbContext>().UseSqlite($"Data Source={_file}").Options);

        await db.Database.MigrateAsync();

        var history = await StoreTables.QueryAsync(db, $"SELECT MigrationId FROM \"{StoreTables.MigrationsHistory}\" ORDER BY MigrationId", r => r.GetString(0));
        Assert.Contains(history, id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Equal(db.Database.GetMigrations(), history);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Releases_quota_revisions_and_allocations_stored_before_versions_existed_stay_current_after_the_upgrade()
    {
        await using var db = new QuotaDbContext(new DbContextOptionsBuilder<QuotaDbContext>().UseSqlite($"Data Source={_file}").Options);
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().First());
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Regions (Code, NameEn, NameRu, NameKk, Kind) VALUES ('KZ-75', 'Almaty', 'Алматы', 'Алматы', 'City');
            INSERT INTO Releases (Id, AsOf, AsOfPrecision, PublishedOn) VALUES (1, '2025-12-01', 'Day', '2025-12-25');
            INSERT INTO PublishedFigures (ReleaseId, Figure, Key, Value, Sources) VALUES (1, 'Total', '', 14103, 'a source');
            INSERT INTO QuotaRevisions (Year, Sequence, Label, Units, EffectiveFrom, EffectiveDayPublished, PublishedWording, PublishedWordingRu, Sources)
                VALUES (2025, 1, 'initial', 14800, '2025-01-01', 1, '14,800', '14 800', 'a source');
            INSERT INTO Allocations (Year, RegionCode, Units, IsIllustrative) VALUES (2025, 'KZ-75', 2000, 0);
            """);

        await db.Database.MigrateAsync();

        var release = await db.Releases.Include(r => r.Figures).SingleAsync();
        Assert.Equal((1, true, 14_103m), (release.Version, release.IsCurrent, release.Figures.Single().Value));
        Assert.True((await db.QuotaRevisions.SingleAsync()).IsCurrent);
        Assert.True((await db.Allocations.SingleAsync()).IsCurrent);
    }

    public void Dispose() => RepositoryPaths.DeleteDatabase(_file);
}

public sealed class SeedingTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Seeding_fills_every_table_with_what_the_seed_files_hold()
    {
        var reports = SeedCsv.IllustrativeReports;
        await using var db = store.CreateContext();
        var expected = new Dictionary<string, long>
        {
            ["Regions"] = SeedCsv.RegionCodes.Count,
            ["Categories"] = SeedCsv.Count("categories.csv"),
            ["Sectors"] = SeedCsv.Count("sectors.csv"),
            ["Releases"] = SeedCsv.Releases.Select(r => r.AsOf).Distinct().Count(),
            ["PublishedFigures"] = SeedCsv.Releases.Count,
            ["QuotaRevisions"] = SeedCsv.Count("quota-revisions.csv"),
            ["Allocations"] = SeedCsv.Count("allocations.csv") + SeedCsv.Count("illustrative-allocations.csv"),
            ["Reports"] = reports.Select(r => (r.Month, r.Region)).Distinct().Count(),
            ["Revisions"] = reports.Select(r => (r.Month, r.Region)).Distinct().Count(),
            ["BreakdownLines"] = reports.Count(r => r.Figure is "category" or "sector" or "country"),
            [StoreTables.MigrationsHistory] = db.Database.GetMigrations().Count(),
            ["AspNetRoles"] = QuotaDashboard.Data.Roles.All.Count,
            ["AspNetUsers"] = AccountSeeder.DemoAccounts.Count,
            ["AspNetUserRoles"] = AccountSeeder.DemoAccounts.Count,
            ["AspNetRoleClaims"] = 0,
            ["AspNetUserClaims"] = 0,
            ["AspNetUserLogins"] = 0,
            ["AspNetUserTokens"] = 0,
            ["ApiTokens"] = 0,
            ["Audit"] = 0,
            ["UseThresholds"] = 0,
            ["DataProtectionKeys"] = 0,
        };
        if (db.Database.IsSqlite())
        {
            // PostgreSQL's migrations lock with an advisory lock instead of a table.
            expected[StoreTables.MigrationsLock] = 0;
        }

        var counts = await StoreTables.CountRowsAsync(store);

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)), counts);
        Assert.Equal((24L, 319L, 580L), (expected["Releases"], expected["PublishedFigures"], expected["Reports"]));
    }

    /// <summary>Tables that only the application's use fills, never the seed.</summary>
    private static readonly HashSet<string> EmptyUntilUsed =
        [StoreTables.MigrationsLock, "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "ApiTokens", "Audit", "UseThresholds", "DataProtectionKeys"];

    [Fact]
    public async Task Seeding_a_seeded_store_again_adds_no_row_to_any_table()
    {
        var before = await StoreTables.CountRowsAsync(store);

        await store.Get<DatabaseSeeder>().SeedAsync();
        await store.Get<AccountSeeder>().SeedAsync();

        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.All(before.Where(t => !EmptyUntilUsed.Contains(t.Table)), t => Assert.True(t.Rows > 0, $"{t.Table} is empty after seeding"));
    }
}

public sealed class NationalOnlySeedingTests(NationalOnlyDatabase store) : IClassFixture<NationalOnlyDatabase>
{
    [Fact]
    public async Task Without_illustrative_data_the_store_holds_no_reports_and_no_illustrative_allocations()
    {
        await using var db = store.CreateContext();

        Assert.Equal(0, await db.Reports.CountAsync());
        Assert.Equal(0, await db.Revisions.CountAsync());
        Assert.Equal(0, await db.BreakdownLines.CountAsync());
        Assert.Equal(0, await db.Allocations.CountAsync(a => a.IsIllustrative || a.RevisionSequence != null));
    }

    [Fact]
    public async Task Without_illustrative_data_the_store_still_holds_every_release_quota_revision_and_published_allocation()
    {
        await using var db = store.CreateContext();

        Assert.Equal(24, await db.Releases.CountAsync());
        Assert.Equal(SeedCsv.Releases.Count, await db.PublishedFigures.CountAsync());
        Assert.Equal(SeedCsv.Count("quota-revisions.csv"), await db.QuotaRevisions.CountAsync());
        Assert.Equal(SeedCsv.Count("allocations.csv"), await db.Allocations.CountAsync());
        Assert.Equal(SeedCsv.RegionCodes.Count, await db.Regions.CountAsync());
        Assert.Equal(1355, await db.Allocations.Where(a => a.Year == 2025 && a.RegionCode == "KZ-75").Select(a => a.Units).SingleAsync());
    }
}
