using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Pages.Dashboard;
using QuotaDashboard.Components.Pages.Quota;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>The record's own texts (notes, quota wordings, sources, seed authors) reach a Russian or Kazakh reader in their language.</summary>
public sealed class RecordTranslationsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Theory]
    [InlineData("ru", "note_ru")]
    [InlineData("kk", "note_kk")]
    [InlineData("en", "note")]
    public async Task Every_note_of_the_record_reads_in_the_readers_language_on_the_data_quality_panel(string culture, string column)
    {
        var issues = await database.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst());
        var text = database.Get<IStringLocalizer<SharedResource>>();
        var english = SeedCsv.Releases.Where(r => r.Note.Length > 0).Select(r => r.Note).ToHashSet();
        var expected = SeedCsv.Releases.Where(r => r.Note.Length > 0)
            .Select(r => (r.AsOfDate, column switch { "note_ru" => r.NoteRu, "note_kk" => r.NoteKk, _ => r.Note })).Distinct().Order().ToList();

        var shown = ProblemWording.InCulture(culture, () => issues.Where(i => i.Kind == QualityKind.SourceNote)
            .Select(i => (i.Date!.Value, QualityText.Describe(i, text, CultureInfo.CurrentCulture))).Order().ToList());

        Assert.All(expected, e => Assert.False(string.IsNullOrWhiteSpace(e.Item2)));
        Assert.Equal(expected, shown);
        if (culture != "en")
        {
            Assert.DoesNotContain(shown, s => english.Contains(s.Item2));
        }
    }

    [Theory]
    [InlineData("ru", "с августа 2025 года", "с марта 2025 года")]
    [InlineData("kk", "2025 жылғы тамыздан бастап", "2025 жылғы наурыздан бастап")]
    public async Task The_quota_units_against_share_issue_names_the_revisions_in_the_readers_language(string culture, string august, string january)
    {
        var issues = await database.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst());
        var text = database.Get<IStringLocalizer<SharedResource>>();

        var shown = ProblemWording.InCulture(culture, () => issues.Where(i => i.Kind == QualityKind.QuotaLabourForce)
            .Select(i => QualityText.Describe(i, text, CultureInfo.CurrentCulture)).ToList());

        Assert.Contains(shown, s => s.StartsWith(august, StringComparison.Ordinal));
        Assert.DoesNotContain(shown, s => s.Contains("August", StringComparison.Ordinal) || s.Contains("start of", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, s => s.StartsWith(january, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "ministry release of 2025-12-01; mgorod.kz (2025-09-01); astanatimes.com (2025-08-26)")]
    [InlineData("ru", "релиз министерства на 2025-12-01; mgorod.kz (2025-09-01); astanatimes.com (2025-08-26)")]
    [InlineData("kk", "министрліктің 2025-12-01 жағдай бойынша жарияланымы; mgorod.kz (2025-09-01); astanatimes.com (2025-08-26)")]
    public async Task The_ministry_release_a_quota_revision_cites_is_worded_in_the_readers_language_and_outlets_stay_as_printed(string culture, string expected)
    {
        var march = (await database.Get<DashboardQueries>().GetQuotaInForceAsync(new DateOnly(2025, 4, 1))).Sources;
        var text = database.Get<IStringLocalizer<SharedResource>>();

        Assert.Equal(expected, ProblemWording.InCulture(culture, () => QuotaSourceText.Words(march, text)));
    }

    [Theory]
    [InlineData("en", "illustrative regional data (seed)")]
    [InlineData("ru", "иллюстративные региональные данные (начальная загрузка)")]
    [InlineData("kk", "иллюстративтік өңірлік деректер (бастапқы жүктеу)")]
    public async Task The_author_of_the_illustrative_reports_is_a_code_worded_for_the_reader(string culture, string expected)
    {
        await using var db = database.CreateContext();
        var authors = await db.Revisions.Select(r => r.EnteredBy).Distinct().ToListAsync();

        Assert.Equal([DatabaseSeeder.SeedUser], authors);
        Assert.Equal(expected, ProblemWording.InCulture(culture, () => Names.Author(authors[0])));
        Assert.Equal(expected, ProblemWording.InCulture(culture, () => Names.Author(DatabaseSeeder.FormerSeedUser)));
        Assert.Equal("officer.almaty", ProblemWording.InCulture(culture, () => Names.Author("officer.almaty")));
    }

    [Fact]
    public void Every_country_of_the_record_has_a_russian_and_a_kazakh_name_of_its_own()
    {
        var codes = SeedCsv.Releases.Where(r => r.Figure == "country").Select(r => r.Key)
            .Concat(SeedCsv.IllustrativeReports.Where(r => r.Figure == "country").Select(r => r.Key))
            .Where(c => c != Names.OtherKey).Distinct().Order().ToList();
        Assert.Contains("CN", codes);

        foreach (var code in codes)
        {
            var english = ProblemWording.InCulture("en", () => Names.Country(code));
            foreach (var culture in new[] { "ru", "kk" })
            {
                var name = ProblemWording.InCulture(culture, () => Names.Country(code));
                Assert.NotEqual(code, name);
                Assert.NotEqual(english, name);
                Assert.DoesNotContain(name, c => char.IsAsciiLetter(c));
            }
        }
    }

}

/// <summary>A store seeded before the record's texts had translations gets them when the application starts again.</summary>
public sealed class RecordTranslationsUpgradeTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Notes_and_quota_wordings_left_in_english_only_are_translated_from_the_seed_files_at_the_next_start()
    {
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE "PublishedFigures" SET "NoteRu" = NULL, "NoteKk" = NULL;
                UPDATE "QuotaRevisions" SET "PublishedWordingKk" = '', "LegalActRu" = NULL, "LegalActKk" = NULL, "BasisRu" = NULL, "BasisKk" = NULL;
                """);
        }

        await database.Get<DatabaseSeeder>().SeedAsync();

        await using var check = database.CreateContext();
        var notes = await check.PublishedFigures.Where(f => f.Note != null).Select(f => new { f.Note, f.NoteRu, f.NoteKk }).ToListAsync();
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.False(string.IsNullOrWhiteSpace(n.NoteRu) || string.IsNullOrWhiteSpace(n.NoteKk), n.Note));
        var august = await check.QuotaRevisions.SingleAsync(q => q.Year == 2025 && q.Sequence == 3);
        Assert.Equal("2025 жылғы тамыздан бастап", august.PublishedWordingKk);
        Assert.Equal("Министр міндетін атқарушының 2025-08-01 бұйрығы", august.LegalActKk);
        Assert.StartsWith("повышена до 0.25 %", august.BasisRu, StringComparison.Ordinal);
    }
}
