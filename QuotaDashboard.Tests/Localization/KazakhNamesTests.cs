using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Reference;
using QuotaDashboard.Hosting;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>The names of regions, permit categories and OKED sections, in the store and as a Kazakh reader gets them.</summary>
public sealed class KazakhNamesTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    public static TheoryData<string, string, string> SeedFiles => new()
    {
        { "regions.csv", "code", "name_kk" },
        { "categories.csv", "key", "name_kk" },
        { "sectors.csv", "letter", "name_kk" },
    };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Every_row_of_a_reference_file_has_a_kazakh_name_in_kazakh_letters_unlike_its_russian_one(string file, string key, string column)
    {
        var kazakh = SeedCsv.Column(file, key, column);
        var russian = SeedCsv.Column(file, key, "name_ru");

        Assert.Equal(SeedCsv.Count(file), kazakh.Count);
        Assert.All(kazakh, k => Assert.Matches(@"^[\p{IsCyrillic}0-9 ,;:\-]+$", k.Value));
        Assert.All(kazakh, k => Assert.NotEqual(russian[k.Key], k.Value));
    }

    [Fact]
    public async Task The_store_holds_the_kazakh_name_of_every_region_category_and_sector_as_the_seed_files_give_it()
    {
        await using var db = database.CreateContext();

        Assert.Equal(SeedCsv.Column("regions.csv", "code", "name_kk"), await db.Regions.ToDictionaryAsync(r => r.Code, r => r.NameKk));
        Assert.Equal(SeedCsv.Column("categories.csv", "key", "name_kk"), await db.Categories.ToDictionaryAsync(c => c.Key, c => c.NameKk));
        Assert.Equal(SeedCsv.Column("sectors.csv", "letter", "name_kk"), await db.Sectors.ToDictionaryAsync(s => s.Letter, s => s.NameKk));
    }

    [Theory]
    [InlineData("kk", "name_kk")]
    [InlineData("ru", "name_ru")]
    [InlineData("en", "name_en")]
    public async Task The_report_form_names_the_categories_and_sections_in_the_readers_language(string culture, string column)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var keys = await database.Get<QuotaDashboard.Features.Reports.ReportQueries>().GetKeysAsync();

            Assert.Equal(SeedCsv.Column("categories.csv", "key", column), keys.Categories.ToDictionary(c => c.Key, c => c.Name));
            Assert.Equal(SeedCsv.Column("sectors.csv", "letter", column), keys.Sectors.ToDictionary(s => s.Key, s => s.Name));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Theory]
    [InlineData("kk", "Алматы қаласы", "1-санат: бірінші басшылар және олардың орынбасарлары", "F — Құрылыс", "Қытай")]
    [InlineData("ru", "город Алматы", "Категория 1: первые руководители и их заместители", "F — Строительство", "Китай")]
    [InlineData("en", "Almaty", "Category 1: heads and deputies", "F — Construction", "China")]
    public async Task The_reference_book_names_regions_categories_sectors_and_countries_in_the_readers_language(
        string culture, string region, string category, string sector, string country)
    {
        var book = await database.Get<ReferenceNames>().GetAsync();
        var text = database.Get<IStringLocalizer<SharedResource>>();
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(region, book.Region("KZ-75"));
            Assert.Equal(category, book.Item(QuotaDashboard.Data.Breakdown.Category, "cat1", text));
            Assert.Equal(sector, book.Item(QuotaDashboard.Data.Breakdown.Sector, "F", text));
            Assert.Equal(country, book.Item(QuotaDashboard.Data.Breakdown.Country, "CN", text));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public async Task A_kazakh_reader_gets_the_regions_in_the_order_of_their_kazakh_names()
    {
        var book = await database.Get<ReferenceNames>().GetAsync();
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk");

            var names = book.RegionsByName.Select(r => r.Name).ToList();

            Assert.Equal(names.Order(StringComparer.Create(CultureInfo.GetCultureInfo("kk"), false)), names);
            Assert.Equal("Абай облысы", names[0]);
            Assert.All(names, n => Assert.True(n.EndsWith(" облысы", StringComparison.Ordinal) || n.EndsWith(" қаласы", StringComparison.Ordinal), n));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}

/// <summary>A store made before categories and sectors had Kazakh names, upgraded by a newer version of the application.</summary>
public sealed class KazakhNamesUpgradeTests : IDisposable
{
    private readonly string _file = RepositoryPaths.NewDatabaseFile();

    [Fact]
    public async Task A_store_seeded_before_kazakh_names_existed_gets_them_from_the_seed_files_when_it_starts_again()
    {
        await using (var db = new QuotaDbContext(new DbContextOptionsBuilder<QuotaDbContext>().UseSqlite($"Data Source={_file}").Options))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var kazakhNames = migrations.FindIndex(m => m.EndsWith("_KazakhNamesOfCategoriesAndSectors", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[kazakhNames - 1]);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Categories (Key, "Order", NameEn, NameRu) VALUES ('cat1', 1, 'Category 1: heads and deputies', 'Категория 1: первые руководители и их заместители');
                INSERT INTO Sectors (Letter, NameEn, NameRu) VALUES ('F', 'Construction', 'Строительство');
                """);
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddQuotaDashboardCore($"Data Source={_file}");
        services.Configure<SeedOptions>(o =>
        {
            o.DataDirectory = RepositoryPaths.DataDirectory;
            o.IllustrativeData = false;
        });
        await using var provider = services.BuildServiceProvider();
        await provider.InitializeStoreAsync();

        await using var upgraded = provider.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContext();
        Assert.Equal("1-санат: бірінші басшылар және олардың орынбасарлары", (await upgraded.Categories.SingleAsync(c => c.Key == "cat1")).NameKk);
        Assert.Equal("Құрылыс", (await upgraded.Sectors.SingleAsync(s => s.Letter == "F")).NameKk);
        Assert.DoesNotContain(await upgraded.Categories.Select(c => c.NameKk).ToListAsync(), n => n.Length == 0);
        Assert.DoesNotContain(await upgraded.Sectors.Select(s => s.NameKk).ToListAsync(), n => n.Length == 0);
    }

    public void Dispose() => RepositoryPaths.DeleteDatabase(_file);
}
