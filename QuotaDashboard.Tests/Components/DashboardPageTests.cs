using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using QuotaDashboard.Components.Charts;
using QuotaDashboard.Components.Pages.Dashboard;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Components;

public sealed class DashboardPageTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    // MudBlazor's services can only be disposed asynchronously, so the context is not the test class itself.
    private readonly BunitContext _context;

    private BunitServiceProvider Services => _context.Services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    public DashboardPageTests(SeededDatabase database)
    {
        _context = PageContext.Create(database, "analyst@test.kz", QuotaDashboard.Data.Roles.Analyst);
        SetCulture("en-US");
    }

    private static void SetCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    private IRenderedComponent<Home> RenderDashboard(string? asOf = null)
    {
        _context.Render<MudPopoverProvider>();
        if (asOf is not null)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo($"/?asOf={asOf}");
        }
        var cut = _context.Render<Home>();
        cut.WaitForElement("[data-testid=headline-workers]", TimeSpan.FromSeconds(10));
        // The cards come with the month's view; the timeline's series is read after it, and its card waits for it meanwhile.
        cut.WaitForState(() => cut.FindComponents<ChartView>().All(c => c.Instance.Spec is not null), TimeSpan.FromSeconds(10));
        return cut;
    }

    private static string Headline(IRenderedComponent<Home> cut, string id) => cut.Find($"[data-testid={id}]").TextContent.Trim();

    private static ChartSpec Chart(IRenderedComponent<Home> cut, string name) =>
        cut.FindComponents<ChartView>().Single(c => c.Instance.Name == name).Instance.Spec;

    [Fact]
    public void Shows_the_published_headline_figures_of_december_2025()
    {
        var cut = RenderDashboard();

        Assert.Equal("14,103", Headline(cut, "headline-workers"));
        Assert.Equal("16,700", Headline(cut, "headline-quota"));
        Assert.Equal("84.4 %", Headline(cut, "headline-use"));
        Assert.Equal("1,817", Headline(cut, "headline-employers"));
        Assert.Equal("96 %", Headline(cut, "headline-local"));
        Assert.Contains("release of 2025-12-01", cut.Markup);
    }

    [Fact]
    public void Hands_each_chart_exactly_the_published_breakdowns()
    {
        var cut = RenderDashboard();

        var categories = Chart(cut, "workers-by-category");
        Assert.Equal(ChartKind.HorizontalBar, categories.Kind);
        Assert.Equal(
            ["Category 1: heads and deputies", "Category 2: heads of structural divisions", "Category 3: specialists",
             "Category 4: skilled workers", "Seasonal workers", "Intra-corporate transfer"],
            categories.Labels);
        Assert.Equal([537d, 2244d, 3784d, 1271d, 2299d, 3970d], Assert.Single(categories.Series).Values);

        var sectors = Chart(cut, "workers-by-sector");
        Assert.Equal(["F — Construction", "A — Agriculture, forestry and fishing", "B — Mining and quarrying", "C — Manufacturing", "Other sectors"],
            sectors.Labels);
        Assert.Equal([4993d, 2316d, 1235d, 1155d, 4404d], Assert.Single(sectors.Series).Values);

        var countries = Chart(cut, "workers-by-country");
        Assert.Equal(["China", "Uzbekistan", "Turkey", "India", "Other countries"], countries.Labels);
        Assert.Equal([5604d, 2110d, 1036d, 943d, 4410d], Assert.Single(countries.Series).Values);
    }

    [Fact]
    public void Draws_the_whole_record_with_every_quota_revision_on_the_timeline()
    {
        var cut = RenderDashboard();

        var timeline = Chart(cut, "quota-timeline");
        Assert.Equal(ChartKind.Timeline, timeline.Kind);
        var published = timeline.Series[0];
        Assert.Equal(24, published.Points.Count);
        Assert.Equal(("2020-09-01", 16378d), (published.Points[0].X, published.Points[0].Y!.Value));
        Assert.Equal(("2025-12-01", 14103d), (published.Points[^1].X, published.Points[^1].Y!.Value));
        Assert.All(published.Notes, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal(29, timeline.Series[1].Points.Count);
        Assert.Equal(11, timeline.Marks.Count);
        Assert.Contains(timeline.Marks, m => m.X == "2025-03-01" && m.Label == "14,800 → 16,500*");
        Assert.Contains(timeline.Marks, m => m.X == "2025-12-01" && m.Label == "19,400 → 16,700*");
        Assert.Contains(timeline.Marks, m => m.X == "2026-01-01" && m.Label.Contains("Units not published"));
        var quota = timeline.Series[2].Points;
        Assert.Contains(new ChartPoint("2025-08-01", 16500), quota);
        Assert.Contains(new ChartPoint("2025-08-01", 19400), quota);
    }

    [Fact]
    public void The_timeline_opens_on_the_year_of_the_month_shown_and_the_whole_record_is_one_click_away()
    {
        var cut = RenderDashboard("2025-12");
        Assert.Equal(("2025-01-01", "2025-12-31"), (Chart(cut, "quota-timeline").XMin, Chart(cut, "quota-timeline").XMax));
        Assert.Equal("true", cut.FindAll(".mud-chip").Single(c => c.TextContent.Trim() == "2025").GetAttribute("aria-pressed"));

        cut.FindAll(".mud-chip").Single(c => c.TextContent.Trim() == "Whole record").Click();

        cut.WaitForAssertion(() =>
        {
            var timeline = Chart(cut, "quota-timeline");
            Assert.Equal((null, null), (timeline.XMin, timeline.XMax));
            Assert.Equal(11, timeline.Marks.Count);
        });
    }

    [Fact]
    public void Zooming_the_timeline_to_one_year_narrows_its_time_axis_to_that_year()
    {
        var cut = RenderDashboard("2025-12");

        cut.FindAll(".mud-chip").Single(c => c.TextContent.Trim() == "2024").Click();

        cut.WaitForAssertion(() =>
        {
            var timeline = Chart(cut, "quota-timeline");
            Assert.Equal(("2024-01-01", "2024-12-31"), (timeline.XMin, timeline.XMax));
        });
    }

    [Fact]
    public void Ranks_the_twenty_regions_by_use_of_their_allocation()
    {
        var cut = RenderDashboard();

        var ranking = Chart(cut, "regions-by-use");
        Assert.Equal(20, ranking.Labels.Count);
        var values = Assert.Single(ranking.Series).Values;
        Assert.Equal(values.OrderByDescending(v => v ?? -1), values);
    }

    [Fact]
    public void Flags_the_category_gap_and_labels_illustrative_data()
    {
        var cut = RenderDashboard();

        Assert.Contains("14,105", cut.Find("[data-testid=category-gap]").TextContent);
        Assert.Contains("illustrative regional data", cut.Find("[data-testid=illustrative-banner]").TextContent);
        cut.Find("[data-testid=data-quality] button").Click();
        // The notes are read from the store when first shown.
        cut.WaitForAssertion(() => Assert.Contains("+2", cut.Find("[data-testid=data-quality]").TextContent));
    }

    [Fact]
    public void The_notes_on_the_record_wait_behind_a_button_that_shows_and_hides_them()
    {
        var cut = RenderDashboard();
        var panel = () => cut.Find("[data-testid=data-quality]");

        Assert.Empty(panel().QuerySelectorAll("tbody tr"));
        var show = panel().QuerySelector("button")!;
        Assert.Equal("false", show.GetAttribute("aria-expanded"));
        Assert.Matches(@"^Show the \d+ notes on the record$", show.TextContent.Trim());

        show.Click();

        // The notes are read from the store when first shown.
        cut.WaitForAssertion(() => Assert.NotEmpty(panel().QuerySelectorAll("tbody tr")));
        Assert.Contains("+2", panel().TextContent);
        Assert.Equal("true", panel().QuerySelector("button")!.GetAttribute("aria-expanded"));

        panel().QuerySelector("button")!.Click();

        cut.WaitForAssertion(() => Assert.Empty(panel().QuerySelectorAll("tbody tr")));
    }

    [Fact]
    public void Picking_september_2024_shows_that_release_against_the_2024_quota()
    {
        var cut = RenderDashboard("2024-09");

        Assert.Equal("14,346", Headline(cut, "headline-workers"));
        Assert.Equal("22,000", Headline(cut, "headline-quota"));
        Assert.Equal("65.2 %", Headline(cut, "headline-use"));
    }

    [Fact]
    public void A_regions_allocation_names_its_own_source_on_the_dashboard_and_in_the_briefing()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/briefing?asOf=2025-12-01&region=KZ-75");
        _context.Render<MudPopoverProvider>();
        var briefing = _context.Render<QuotaDashboard.Components.Pages.Briefing.Briefing>();
        briefing.WaitForElement("[data-testid=headline-quota]", TimeSpan.FromSeconds(10));

        var card = briefing.Find("[role=group][aria-label='Allocation in force']").TextContent;
        Assert.Contains("1,355", card);
        Assert.Contains("dos-immigration.kz", card);
        Assert.DoesNotContain("ministry release", card);
    }

    [Fact]
    public void Speaks_russian_with_russian_number_formats()
    {
        SetCulture("ru-RU");

        var cut = RenderDashboard();

        Assert.Equal("14\u00a0103", Headline(cut, "headline-workers"));
        Assert.Contains("Иностранные работники", cut.Markup);
        Assert.Equal("84,4 %", Headline(cut, "headline-use"));
        Assert.Contains("Китай", Chart(cut, "workers-by-country").Labels);
    }

    [Fact]
    public async Task Redraws_in_place_when_the_store_changes()
    {
        var cut = RenderDashboard("2025-06");
        var before = Assert.Single(Chart(cut, "workers-by-category").Series).Values.Sum();
        var commands = Services.GetRequiredService<QuotaDashboard.Features.Reports.ReportCommands>();
        var month = new DateOnly(2025, 6, 1);

        var saved = await commands.SaveAsync(new QuotaDashboard.Features.Reports.ReportInput("KZ-75", month, 100_000,
            new Dictionary<string, int> { ["cat3"] = 100_000 }, new Dictionary<string, int> { ["F"] = 100_000 },
            new Dictionary<string, int> { ["CN"] = 100_000 }), TestUsers.Analyst("test"), null);

        Assert.IsType<QuotaDashboard.Features.Reports.SaveResult.Saved>(saved);
        cut.WaitForAssertion(() => Assert.NotEqual(before, Assert.Single(Chart(cut, "workers-by-category").Series).Values.Sum()));
    }
}
