using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Releases;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>What an analyst adds or corrects keeps the record's Russian and Kazakh, and a restart fills nothing in behind the analyst.</summary>
public sealed class RecordCorrectionTranslationsTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private const string Source = "https://www.gov.kz/memleket/entities/enbek/press/news/quota-example";

    private async Task<QuotaRevisionView> RevisionAsync(int year, int sequence) =>
        (await store.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == year).Revisions.Single(r => r.Sequence == sequence);

    [Fact]
    public async Task A_revision_added_with_its_kazakh_wording_reads_in_kazakh_on_the_dashboard()
    {
        var from = new DateOnly(2023, 7, 1);
        var input = new QuotaRevisionInput(2023, from, true, 30_000, null, null, "order of the Minister", from, "analyst's test", Source,
            "from July 2023", "с июля 2023 года", "2023 жылғы шілдеден бастап", "приказ Министра", "Министрдің бұйрығы");

        Assert.IsType<QuotaSaveResult.Saved>(await store.Get<QuotaCommands>().AddAsync(input, TestUsers.Analyst()));

        var inForce = await store.Get<DashboardQueries>().GetQuotaInForceAsync(from);
        Assert.Equal("2023 жылғы шілдеден бастап", ProblemWording.InCulture("kk", () => inForce.PublishedWording!.InReadersLanguage()));
        Assert.Equal("Министрдің бұйрығы", ProblemWording.InCulture("kk", () => inForce.LegalAct!.InReadersLanguage()));
        Assert.Equal("с июля 2023 года", ProblemWording.InCulture("ru", () => inForce.PublishedWording!.InReadersLanguage()));
    }

    [Fact]
    public async Task A_revision_without_its_kazakh_wording_is_refused_beside_that_field()
    {
        var from = new DateOnly(2023, 10, 1);
        var input = new QuotaRevisionInput(2023, from, true, 31_000, null, null, null, null, null, Source, "from October 2023", "с октября 2023 года", " ");

        var result = Assert.IsType<QuotaSaveResult.Invalid>(await store.Get<QuotaCommands>().AddAsync(input, TestUsers.Analyst()));

        Assert.Equal([(QuotaField.WordingKk, "quota.wording.none")], result.Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public async Task Correcting_only_the_units_of_a_seeded_revision_keeps_its_russian_and_kazakh_wording_legal_act_and_basis()
    {
        var august = await RevisionAsync(2025, 3);
        Assert.False(string.IsNullOrWhiteSpace(august.LegalActKk));
        Assert.False(string.IsNullOrWhiteSpace(august.BasisKk));

        var saved = Assert.IsType<QuotaSaveResult.Saved>(
            await store.Get<QuotaCommands>().CorrectAsync(august.ToInput() with { Units = 19_450 }, august.Sequence, TestUsers.Analyst()));

        var correction = await RevisionAsync(2025, saved.Sequence);
        Assert.Equal(19_450, correction.Units);
        Assert.Equal((august.WordingRu, august.WordingKk), (correction.WordingRu, correction.WordingKk));
        Assert.Equal((august.LegalAct, august.LegalActRu, august.LegalActKk), (correction.LegalAct, correction.LegalActRu, correction.LegalActKk));
        Assert.Equal((august.Basis, august.BasisRu, august.BasisKk), (correction.Basis, correction.BasisRu, correction.BasisKk));
    }

    [Fact]
    public async Task A_correction_that_leaves_the_translations_blank_keeps_those_of_unchanged_english_and_none_of_changed_english()
    {
        var march = await RevisionAsync(2025, 2);
        Assert.False(string.IsNullOrWhiteSpace(march.LegalActRu));
        Assert.False(string.IsNullOrWhiteSpace(march.BasisRu));
        var input = march.ToInput() with
        {
            Basis = "a basis worded anew by the analyst",
            LegalActRu = null, LegalActKk = "", BasisRu = null, BasisKk = null,
        };

        var saved = Assert.IsType<QuotaSaveResult.Saved>(await store.Get<QuotaCommands>().CorrectAsync(input, march.Sequence, TestUsers.Analyst()));

        var correction = await RevisionAsync(2025, saved.Sequence);
        Assert.Equal((march.LegalActRu, march.LegalActKk), (correction.LegalActRu, correction.LegalActKk));
        Assert.Equal(("a basis worded anew by the analyst", null, null), (correction.Basis, correction.BasisRu, correction.BasisKk));
        await using var db = store.CreateContext();
        var audit = await db.Audit.Where(a => a.Subject == "quota 2025" && a.Action == "quota.correct").OrderBy(a => a.Id).Select(a => a.After).ToListAsync();
        Assert.Contains(audit, after => after != null && System.Text.Json.JsonDocument.Parse(after).RootElement.GetProperty("LegalActKk").GetString() == march.LegalActKk);
    }

    [Fact]
    public async Task A_translation_handed_back_unchanged_beside_changed_english_is_refused_as_stale_and_nothing_is_stored()
    {
        var initial = await RevisionAsync(2024, 1);
        Assert.False(string.IsNullOrWhiteSpace(initial.WordingKk));

        var result = await store.Get<QuotaCommands>().CorrectAsync(initial.ToInput() with { Wording = "initial quota of 2024, as restated" }, initial.Sequence, TestUsers.Analyst());

        var invalid = Assert.IsType<QuotaSaveResult.Invalid>(result);
        Assert.Equal([(QuotaField.WordingRu, "translation.stale"), (QuotaField.WordingKk, "translation.stale")], invalid.Problems.Select(p => (p.Field, p.Code)));
        Assert.True((await RevisionAsync(2024, 1)).IsCurrent);
    }

    [Fact]
    public async Task Correcting_a_figure_value_of_a_seeded_release_keeps_the_russian_and_kazakh_notes_of_its_figures()
    {
        var asOf = new DateOnly(2020, 9, 1);
        var releases = store.Get<ReleaseQueries>();
        var (input, version) = (await releases.GetCurrentInputAsync(asOf, TestUsers.Analyst()))!.Value;
        var noted = input.Figures.Where(f => f.Note is not null).ToList();
        Assert.NotEmpty(noted);
        Assert.All(noted, f => Assert.False(string.IsNullOrWhiteSpace(f.NoteKk)));
        var corrected = input with { Figures = input.Figures.Select(f => f.Figure == FigureKind.Total ? f with { Value = f.Value + 1 } : f).ToList() };

        Assert.IsType<ReleaseSaveResult.Saved>(await store.Get<ReleaseCommands>().CorrectAsync(corrected, version, TestUsers.Analyst()));

        var versions = await releases.GetVersionsAsync(asOf, TestUsers.Analyst());
        Assert.Equal(Notes(versions[1].Figures), Notes(versions[0].Figures));
    }

    [Fact]
    public async Task A_correction_sent_with_english_notes_only_keeps_the_translations_of_unchanged_notes_and_drops_those_of_changed_ones()
    {
        var asOf = new DateOnly(2021, 5, 1);
        var releases = store.Get<ReleaseQueries>();
        var (input, version) = (await releases.GetCurrentInputAsync(asOf, TestUsers.Analyst()))!.Value;
        var noted = input.Figures.Where(f => f.Note is not null).ToList();
        Assert.True(noted.Count >= 2, "the month needs two noted figures");
        var changed = noted[0];
        var englishOnly = input with
        {
            Figures = input.Figures.Select(f => f == changed
                ? f with { Note = "restated by the analyst", NoteRu = null, NoteKk = null }
                : f with { NoteRu = null, NoteKk = null }).ToList(),
        };

        Assert.IsType<ReleaseSaveResult.Saved>(await store.Get<ReleaseCommands>().CorrectAsync(englishOnly, version, TestUsers.Analyst()));

        var now = (await releases.GetVersionsAsync(asOf, TestUsers.Analyst()))[0].Figures;
        var restated = now.Single(f => f.Figure == changed.Figure && f.Key == changed.Key);
        Assert.Equal(("restated by the analyst", null, null), (restated.Note, restated.NoteRu, restated.NoteKk));
        Assert.All(noted.Skip(1), was =>
        {
            var kept = now.Single(f => f.Figure == was.Figure && f.Key == was.Key);
            Assert.Equal((was.Note, was.NoteRu, was.NoteKk), (kept.Note, kept.NoteRu, kept.NoteKk));
        });
    }

    [Fact]
    public async Task A_release_note_whose_english_changed_but_whose_translation_did_not_is_refused_as_stale()
    {
        var asOf = new DateOnly(2020, 11, 1);
        var (input, version) = (await store.Get<ReleaseQueries>().GetCurrentInputAsync(asOf, TestUsers.Analyst()))!.Value;
        var changed = input.Figures.First(f => f.Note is not null);
        var stale = input with { Figures = input.Figures.Select(f => f == changed ? f with { Note = "restated by the analyst" } : f).ToList() };

        var invalid = Assert.IsType<ReleaseSaveResult.Invalid>(await store.Get<ReleaseCommands>().CorrectAsync(stale, version, TestUsers.Analyst()));

        Assert.Equal([(FigureNames.Name(changed.Figure), changed.Key, "translation.stale")], invalid.Problems.Select(p => (p.Field, p.Key ?? "", p.Code)));
    }

    private static List<(FigureKind, string, string?, string?, string?)> Notes(IEnumerable<ReleaseFigureView> figures) =>
        figures.Select(f => (f.Figure, f.Key, f.Note, f.NoteRu, f.NoteKk)).OrderBy(n => n.Figure).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();

}

/// <summary>Running the seeder again, as every start does, leaves what analysts stored as they stored it.</summary>
public sealed class RecordRestartTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_restart_changes_nothing_an_analyst_stored()
    {
        var seedNote = SeedCsv.Releases.First(r => r.Note.Length > 0).Note;
        var asOf = new DateOnly(2026, 3, 1);
        // An analyst's own release whose note reads like a note of the seed file, entered in English only.
        Assert.IsType<ReleaseSaveResult.Saved>(await store.Get<ReleaseCommands>().AddAsync(
            new ReleaseInput(asOf, DatePrecision.Month, null, [new ReleaseFigureInput(FigureKind.Total, "", 14_200, "https://example.kz/release", seedNote)]),
            TestUsers.Analyst()));
        var september = new DateOnly(2020, 9, 1);
        var (input, version) = (await store.Get<ReleaseQueries>().GetCurrentInputAsync(september, TestUsers.Analyst()))!.Value;
        // A correction that gives a note's Russian in the analyst's own words and leaves its Kazakh out on purpose.
        var first = input.Figures.First(f => f.Note is not null);
        Assert.IsType<ReleaseSaveResult.Saved>(await store.Get<ReleaseCommands>().CorrectAsync(
            input with { Figures = input.Figures.Select(f => f == first ? f with { NoteRu = "уточнено аналитиком" } : f).ToList() }, version, TestUsers.Analyst()));
        var august = (await store.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2025).Revisions.Single(r => r.Sequence == 3);
        Assert.IsType<QuotaSaveResult.Saved>(await store.Get<QuotaCommands>().CorrectAsync(
            august.ToInput() with { Units = 19_401, BasisKk = "талдаушының негіздемесі" }, august.Sequence, TestUsers.Analyst()));
        await using (var db = store.CreateContext())
        {
            // The analyst's versions as they would be stored had the Kazakh been left out: blanks the seed file could fill.
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE "PublishedFigures" SET "NoteKk" = NULL WHERE "ReleaseId" IN (SELECT "Id" FROM "Releases" WHERE "EnteredBy" <> 'seed:published');
                """);
        }
        var before = await SnapshotAsync();

        await store.Get<DatabaseSeeder>().SeedAsync();

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = store.CreateContext();
        var figures = await db.PublishedFigures.IgnoreQueryFilters().OrderBy(f => f.Id)
            .Select(f => f.Id + "|" + f.ReleaseId + "|" + f.Value + "|" + f.Note + "|" + f.NoteRu + "|" + f.NoteKk).ToListAsync();
        var revisions = await db.QuotaRevisions.IgnoreQueryFilters().OrderBy(q => q.Id)
            .Select(q => q.Id + "|" + q.Units + "|" + q.PublishedWordingKk + "|" + q.LegalActRu + "|" + q.LegalActKk + "|" + q.BasisRu + "|" + q.BasisKk + "|" + q.IsCurrent)
            .ToListAsync();
        return [.. figures, .. revisions];
    }
}
