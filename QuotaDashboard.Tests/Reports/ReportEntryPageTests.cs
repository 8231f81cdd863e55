using Bunit;
using MudBlazor;
using QuotaDashboard.Components.Pages.Reports;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>The data entry page over its own store; each test enters a month of its own.</summary>
public sealed class ReportEntryPageTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private const string Officer = "officer.almaty@test.kz";
    private readonly SeededDatabase _store;
    private readonly ReportPages _pages;

    public ReportEntryPageTests(SeededDatabase store)
    {
        _store = store;
        _pages = new ReportPages(store);
        ReportPages.UseEnglish();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    private readonly (System.Globalization.CultureInfo, System.Globalization.CultureInfo) _culture =
        (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);

    public async Task DisposeAsync()
    {
        (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = _culture;
        await _pages.DisposeAsync();
    }

    private IRenderedComponent<ReportEntry> OpenAsOfficer(string month) =>
        ReportPages.Open<ReportEntry>(_pages.For(Officer, Roles.RegionalOfficer, "KZ-75"), $"/reports/entry?month={month}", "#total");

    private static void Type(IRenderedComponent<ReportEntry> cut, string id, int value) => cut.Find($"input#{id}").Input(value.ToString());

    private static string Text(IRenderedComponent<ReportEntry> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    private static bool SaveDisabled(IRenderedComponent<ReportEntry> cut) => ReportPages.Button(cut, "Save report").HasAttribute("disabled");

    [Fact]
    public void A_new_month_starts_from_the_keys_of_the_regions_previous_report_with_empty_counts()
    {
        var cut = OpenAsOfficer("2026-01");

        Assert.Contains("No report for January 2026 yet", Text(cut, "form-source"));
        Assert.Contains("December 2025", Text(cut, "form-source"));
        Assert.Equal("", cut.Find("input#total").GetAttribute("value") ?? "");
        Assert.NotEmpty(cut.FindAll("input#sector-F"));
        Assert.NotEmpty(cut.FindAll("input#country-CN"));
        Assert.Empty(cut.FindAll("input#sector-T"));
        Assert.All(cut.FindAll("input[id^=sector-], input[id^=country-], input[id^=category-]"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
    }

    [Fact]
    public void The_running_sums_say_as_the_officer_types_whether_each_breakdown_adds_up_to_the_total()
    {
        var cut = OpenAsOfficer("2026-01");
        Assert.Equal("Categories: nothing entered", Text(cut, "summary-category"));

        Type(cut, "total", 1300);
        Type(cut, "category-cat1", 1000);
        Type(cut, "category-cat3", 250);
        Type(cut, "sector-F", 1300);
        Type(cut, "country-CN", 1400);

        cut.WaitForAssertion(() => Assert.Equal("Categories: 1,250 of 1,300 — 50 short", Text(cut, "summary-category")), ReportPages.Wait);
        Assert.Equal("Categories: 1,250 of 1,300 — 50 short", Text(cut, "sum-category"));
        Assert.Equal("Sectors: 1,300 of 1,300 — adds up", Text(cut, "summary-sector"));
        Assert.Equal("Countries: 1,400 of 1,300 — 100 over", Text(cut, "summary-country"));

        Type(cut, "category-cat4", 50);
        cut.WaitForAssertion(() => Assert.Equal("Categories: 1,300 of 1,300 — adds up", Text(cut, "summary-category")), ReportPages.Wait);
        Type(cut, "total", 1250);
        cut.WaitForAssertion(() => Assert.Equal("Categories: 1,300 of 1,250 — 50 over", Text(cut, "summary-category")), ReportPages.Wait);
        Assert.Equal("Sectors: 1,300 of 1,250 — 50 over", Text(cut, "summary-sector"));
    }

    [Fact]
    public async Task A_breakdown_that_does_not_add_up_saves_only_once_the_difference_is_confirmed_with_a_reason()
    {
        const string reason = "The customs list for <b>March</b> arrives late";
        var cut = OpenAsOfficer("2026-02");
        Type(cut, "total", 100);
        Type(cut, "category-cat3", 90);
        Type(cut, "sector-F", 100);
        Type(cut, "country-CN", 100);

        cut.WaitForAssertion(() => Assert.Contains("confirm the difference and give a reason", Text(cut, "save-blocker")), ReportPages.Wait);
        ReportPages.Button(cut, "Save report").Click();
        cut.WaitForAssertion(() => Assert.Contains("The report was not saved", Text(cut, "save-result")), ReportPages.Wait);
        Assert.Equal("The categories add up to 90, not to the total of 100: correct them, or confirm the difference with a reason.", Text(cut, "error-category"));
        Assert.Empty(await StoredReports.RevisionsAsync(_store, "KZ-75", new DateOnly(2026, 2, 1)));

        cut.Find("input[type=checkbox]").Change(true);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#mismatch-reason")), ReportPages.Wait);
        cut.Find("#mismatch-reason").Input(reason);

        ReportPages.Button(cut, "Save report").Click();

        cut.WaitForAssertion(() => Assert.Contains("Submitted for review as revision 1. It counts on the dashboard once an analyst accepts it.", Text(cut, "save-result")), ReportPages.Wait);
        Assert.Contains("no figure of this month counts", Text(cut, "review-state"));
        var stored = Assert.Single(await StoredReports.RevisionsAsync(_store, "KZ-75", new DateOnly(2026, 2, 1)));
        Assert.Equal((100, reason, Officer, RevisionState.Submitted), (stored.Total, stored.MismatchReason, stored.EnteredBy, stored.State));
        // The dashboard's data-quality notes count accepted reports only: the reason shows there once an analyst accepts it.
        Assert.DoesNotContain(await _store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst()), i => i.Detail == reason);
        await StoredReports.AcceptSubmittedAsync(_store, "KZ-75", new DateOnly(2026, 2, 1));
        var issues = await _store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst());
        Assert.Contains(issues, i => i.Kind == QualityKind.RegionalMismatch && i.Subject == "KZ-75 category" && i.Detail == reason);
        Assert.Contains("History of this report", cut.Markup);
        Assert.Contains("reports/history?region=KZ-75&amp;month=2026-02", cut.Markup);
    }

    [Fact]
    public async Task Of_two_people_saving_the_same_report_the_second_sees_the_newer_figures_keeps_their_own_and_saves_on_top()
    {
        var month = new DateOnly(2025, 3, 1);
        var original = await StoredReports.CurrentInputAsync(_store, "KZ-75", month);
        var officer = OpenAsOfficer("2025-03");
        var analyst = ReportPages.Open<ReportEntry>(_pages.For("analyst@test.kz", Roles.Analyst), "/reports/entry?region=KZ-75&month=2025-03", "#total");

        Type(officer, "employers", original.Employers!.Value + 7);
        ReportPages.Button(officer, "Save report").Click();
        officer.WaitForAssertion(() => Assert.Contains("Submitted for review as revision 2.", Text(officer, "save-result")), ReportPages.Wait);

        Type(analyst, "local-employees", 40_000);
        ReportPages.Button(analyst, "Save report").Click();

        analyst.WaitForAssertion(() => Assert.Contains($"{Officer} saved revision 2 of this report", Text(analyst, "save-result")), ReportPages.Wait);
        Assert.Equal($"Saved meanwhile: {original.Employers + 7:N0}", Text(analyst, "newer-employers"));
        Assert.Equal($"Saved meanwhile: {original.LocalEmployees:N0}", Text(analyst, "newer-local-employees"));
        Assert.Equal("40000", analyst.Find("input#local-employees").GetAttribute("value"));
        var afterConflict = await StoredReports.RevisionsAsync(_store, "KZ-75", month);
        Assert.Equal([1, 2], afterConflict.Select(r => r.Number));
        Assert.DoesNotContain(afterConflict, r => r.EnteredBy == "analyst@test.kz");

        ReportPages.Button(analyst, "Save report").Click();

        analyst.WaitForAssertion(() => Assert.Contains("Saved as revision 3.", Text(analyst, "save-result")), ReportPages.Wait);
        var revisions = await StoredReports.RevisionsAsync(_store, "KZ-75", month);
        var latest = revisions[^1];
        Assert.Equal((3, "analyst@test.kz", 40_000, original.Employers), (latest.Number, latest.EnteredBy, latest.LocalEmployees, latest.Employers));
        // The analyst's revision counts at once; the officer's, saved on top of, is superseded rather than left to be accepted over it.
        Assert.Equal([RevisionState.Accepted, RevisionState.Superseded, RevisionState.Accepted], revisions.Select(r => r.State));
        Assert.Empty(analyst.FindAll("[data-testid^=newer-]"));
    }

    [Fact]
    public void The_month_picker_offers_only_the_months_from_the_first_of_the_record_to_the_current_one()
    {
        var cut = OpenAsOfficer("2026-01");

        var picker = cut.FindComponent<MudDatePicker>().Instance;

        // The bounds the page hands to the picker are what limits the months it offers.
#pragma warning disable MUD0012
        Assert.Equal((new DateTime(2019, 1, 1), new DateTime(2026, 6, 1)), (picker.MinDate, picker.MaxDate));
#pragma warning restore MUD0012
    }

    [Theory]
    [InlineData("0001-01", 2019, 1)]
    [InlineData("2018-12", 2019, 1)]
    [InlineData("2099-01", 2026, 6)]
    public void A_month_outside_the_record_in_the_address_opens_the_nearest_month_that_can_be_reported(string asked, int year, int month)
    {
        var cut = OpenAsOfficer(asked);

        Assert.Equal(new DateTime(year, month, 1), cut.FindComponent<MudDatePicker>().Instance.Date);
        Assert.Contains(ReportText.Month(new DateOnly(year, month, 1)), Text(cut, "form-source"));
    }

    [Fact]
    public async Task Saving_the_form_as_it_was_loaded_says_nothing_changed_and_adds_no_revision()
    {
        var month = new DateOnly(2025, 5, 1);
        var cut = OpenAsOfficer("2025-05");

        ReportPages.Button(cut, "Save report").Click();

        cut.WaitForAssertion(() => Assert.Equal("Nothing changed; nothing was saved.", Text(cut, "save-result")), ReportPages.Wait);
        Assert.Single(await StoredReports.RevisionsAsync(_store, "KZ-75", month));
        Assert.Equal(1, (await StoredReports.ReportAsync(_store, "KZ-75", month)).Version);
    }

    [Theory]
    [InlineData("ru-RU", "Сохранить отчёт", "Отчёт не сохранён", "Не более 2000 символов, а не 2001.", "characters")]
    [InlineData("kk-KZ", null, null, null, "characters")]
    public void A_refused_save_shows_each_problem_beside_its_field_in_the_readers_language_even_where_a_breakdown_does_not_add_up(
        string culture, string? save, string? notSaved, string? tooLong, string english)
    {
        var text = _store.Get<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        string In(string key) => ProblemWording.InCulture(culture, () => text[key].Value);
        save ??= In("Save report");
        notSaved ??= In("The report was not saved:").TrimEnd(':');
        tooLong ??= ProblemWording.InCulture(culture, () => text.Describe(new QuotaDashboard.Features.Problem("comment", "text.too-long", 2000, 2001)));
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        var cut = OpenAsOfficer("2025-07");
        Type(cut, "total", 100);
        cut.Find("textarea#comment").Input(new string('я', QuotaDashboard.Features.Reports.ReportCommands.MaxTextLength + 1));

        // The page may still render what the typing changed; a button found before that render is gone after it.
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Contains(save, StringComparison.Ordinal)).Click(), ReportPages.Wait);

        cut.WaitForAssertion(() => Assert.Contains(notSaved, cut.Find("[data-testid=save-result]").TextContent), ReportPages.Wait);
        var field = cut.Find("textarea#comment").Closest(".mud-input-control")!;
        Assert.Contains(tooLong, field.QuerySelector(".mud-input-helper-text")!.TextContent);
        Assert.NotEmpty(Text(cut, "error-category"));
        Assert.DoesNotContain(english, cut.Markup);
    }
}
