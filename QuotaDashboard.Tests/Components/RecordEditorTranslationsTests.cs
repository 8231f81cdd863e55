using System.Globalization;
using Bunit;
using QuotaDashboard.Components.Pages.Quota;
using QuotaDashboard.Components.Pages.Releases;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Releases;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Components;

/// <summary>The record's editors and views in the reader's language, over a real store of their own.</summary>
public sealed class RecordEditorTranslationsTests(SeededDatabase database) : IAsyncLifetime, IClassFixture<SeededDatabase>
{
    private BunitContext _context = default!;

    public Task InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk-KZ");
        _context = PageContext.Create(database, "analyst@test.kz", QuotaDashboard.Data.Roles.Analyst);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static void Type<T>(IRenderedComponent<T> cut, string label, string value) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label)
            .QuerySelector("input, textarea")!.Change(value);

    [Fact]
    public async Task A_kazakh_officer_types_the_kazakh_wording_of_a_new_revision_and_the_quota_page_shows_it_in_kazakh()
    {
        var from = new DateTime(2023, 11, 1);
        var form = new QuotaRevisionForm { Year = 2023, EffectiveFrom = from, Units = 32_000, Sources = "https://example.kz/quota", Wording = "from November 2023", WordingRu = "с ноября 2023 года" };
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var editor = _context.Render<QuotaRevisionEditor>(p => p.Add(e => e.Model, form).Add(e => e.User, TestUsers.Analyst())
            .Add(e => e.OnSaved, (QuotaDashboard.Features.Quota.QuotaSaveResult.Saved _) => saved.TrySetResult()));

        Type(editor, "Жарияланған тұжырым (қазақша)", "2023 жылғы қарашадан бастап <b>талдаушы</b>");
        editor.FindAll("button").Single(b => b.TextContent.Contains("Өзгерісті сақтау", StringComparison.Ordinal)).Click();

        // The save runs after the click returns: the store is read once the editor says it saved.
        await saved.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(editor.FindAll("[data-testid=quota-problems]"));
        var stored = (await database.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2023).Revisions.Single(r => r.EffectiveFrom == DateOnly.FromDateTime(from));
        Assert.Equal("2023 жылғы қарашадан бастап <b>талдаушы</b>", stored.WordingKk);

        var page = _context.Render<QuotaPage>();
        page.WaitForAssertion(() => Assert.Contains("2023 жылғы қарашадан бастап <b>талдаушы</b>", page.Find("[data-testid=quota-year-2023]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("<b>талдаушы</b>", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_versions_of_a_release_show_its_notes_in_kazakh()
    {
        var versions = await database.Get<ReleaseQueries>().GetVersionsAsync(new DateOnly(2020, 9, 1), TestUsers.Analyst());
        var keys = await database.Get<ReportQueries>().GetKeysAsync();
        var kazakh = versions[0].Figures.First(f => f.NoteKk is not null).NoteKk!;
        var english = versions[0].Figures.First(f => f.NoteKk is not null).Note!;

        var cut = _context.Render<ReleaseVersions>(p => p.Add(v => v.Versions, versions).Add(v => v.Keys, keys));

        var notes = cut.FindAll("td.note").Select(n => n.TextContent.Trim()).Where(n => n.Length > 0).ToList();
        Assert.Contains(kazakh, notes);
        Assert.DoesNotContain(english, notes);
    }
}
