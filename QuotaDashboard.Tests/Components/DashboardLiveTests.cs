using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using QuotaDashboard.Components.Charts;
using QuotaDashboard.Components.Pages.Dashboard;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Components;

/// <summary>What an open dashboard does, and holds, while nobody touches it and others change the store.</summary>
public sealed class DashboardLiveTests(SeededDatabase database) : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private const string ChartModule = "./Components/Charts/ChartView.razor.js";
    private BunitContext _context = default!;
    private BunitJSModuleInterop _charts = default!;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    public Task InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<Home> Open(string url, string role = QuotaDashboard.Data.Roles.Analyst, string? region = null)
    {
        _context = PageContext.Create(database, "someone@test.kz", role, region: region);
        _charts = _context.JSInterop.SetupModule(ChartModule);
        _charts.SetupModule(invocation => invocation.Identifier == "create");
        _charts.SetupVoid("update", _ => true).SetVoidResult();
        _popovers = _context.Render<MudPopoverProvider>();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = _context.Render<Home>();
        cut.WaitForElement("[data-testid=headline-workers]", TimeSpan.FromSeconds(10));
        // A chart is created once its module has loaded, after the render that showed it: no later render would wake a wait for
        // the last one, so this looks again until it sees all six.
        SpinWait.SpinUntil(() => _charts.Invocations["create"].Count >= 6, TimeSpan.FromSeconds(10));
        Assert.Equal(6, _charts.Invocations["create"].Count);
        return cut;
    }

    private static Dictionary<string, ChartSpec> Specs(IRenderedComponent<Home> cut) =>
        cut.FindComponents<ChartView>().ToDictionary(c => c.Instance.Name, c => c.Instance.Spec);

    [Theory]
    [InlineData("/?asOf=2025-12", null)]
    [InlineData("/?asOf=2025-06&region=KZ-75", "KZ-75")]
    public async Task The_dashboard_shows_the_catalogues_charts_in_its_order_with_the_titles_and_sources_the_workbook_has(string url, string? region)
    {
        var cut = Open(url);
        var cards = cut.FindComponents<ChartCard>().Select(c => (c.Instance.Name, c.Instance.Title, c.Instance.Source)).ToList();

        Assert.Equal(ChartCatalogue.Names, cards.Select(c => c.Name));
        var month = region is null ? new DateOnly(2025, 12, 1) : new DateOnly(2025, 6, 1);
        var workbook = await _context.Services.GetRequiredService<QuotaDashboard.Features.Export.ExportService>()
            .DashboardAsync(month, region, TestUsers.Analyst("someone@test.kz"));
        Assert.Equal(cards.Select(c => (c.Name, c.Title)), workbook.Take(cards.Count).Select(s => (s.Name, s.Title)));
        // The workbook's source is the card's, with the links a file cannot show on hover after it.
        Assert.All(cards.Zip(workbook), pair => Assert.Contains(pair.Second.Header, h => h.Value.StartsWith(pair.First.Source!, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_change_after_which_every_chart_draws_the_same_sends_the_charts_nothing()
    {
        var cut = Open("/?asOf=2025-06");
        var before = Specs(cut);
        var renders = cut.RenderCount;

        // Forgets every view of June and after and tells the page, as a save would, but the store is as it was.
        await _context.Services.GetRequiredService<DashboardCache>().PublishAsync(new DataChange(DataChangeKind.Reports, "KZ-75", new DateOnly(2025, 6, 1)));

        cut.WaitForState(() => cut.RenderCount > renders, TimeSpan.FromSeconds(10));
        // After the render, the charts decide whether to send anything.
        await cut.InvokeAsync(() => { });
        Assert.All(Specs(cut), s => Assert.Same(before[s.Key], s.Value));
        Assert.Empty(_charts.Invocations["update"]);
    }

    /// <summary>
    /// Publishes a change as a save does and waits until the page has had time to handle it: the notifier has handed it out (a
    /// listener of the test's own hears it), and the page's own queue, drained on the thread pool, has run. Too short a wait could
    /// only let a render go unseen, never invent one.
    /// </summary>
    private async Task PublishAndSettleAsync(IRenderedComponent<Home> cut, DataChange change)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_context.Services.GetRequiredService<DataChangeNotifier>().Subscribe(c =>
        {
            if (c == change)
            {
                heard.TrySetResult();
            }
            return Task.CompletedTask;
        }))
        {
            await _context.Services.GetRequiredService<DashboardCache>().PublishAsync(change);
            await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        await Task.Delay(500);
        await cut.InvokeAsync(() => { });
    }

    [Fact]
    public async Task A_change_after_which_the_pages_views_are_as_they_were_does_not_render_the_page_again()
    {
        var cut = Open("/?asOf=2025-06&region=KZ-75");
        var renders = cut.RenderCount;

        // A release changes the nation's views, the data quality and the months, none of which this region's page shows differently.
        await PublishAndSettleAsync(cut, new DataChange(DataChangeKind.Releases, null, new DateOnly(2025, 6, 1)));
        Assert.Equal(renders, cut.RenderCount);

        await _context.Services.GetRequiredService<DashboardCache>().PublishAsync(new DataChange(DataChangeKind.Reports, "KZ-75", new DateOnly(2025, 6, 1)));
        cut.WaitForState(() => cut.RenderCount > renders, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_change_to_a_region_an_officer_may_not_read_does_not_render_the_officers_page_again()
    {
        var cut = Open("/?asOf=2025-06", QuotaDashboard.Data.Roles.RegionalOfficer, "KZ-75");
        Assert.Contains("Almaty", cut.Find("h1").TextContent);
        var renders = cut.RenderCount;

        await PublishAndSettleAsync(cut, new DataChange(DataChangeKind.Reports, "KZ-71", new DateOnly(2025, 6, 1)));
        Assert.Equal(renders, cut.RenderCount);

        await _context.Services.GetRequiredService<DashboardCache>().PublishAsync(new DataChange(DataChangeKind.Reports, "KZ-75", new DateOnly(2025, 6, 1)));
        cut.WaitForState(() => cut.RenderCount > renders, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_untouched_dashboard_holds_no_select_and_no_menu_until_one_is_used()
    {
        var cut = Open("/?asOf=2025-12");

        Assert.Empty(cut.FindComponents<MudSelect<DateOnly>>());
        Assert.Empty(cut.FindComponents<MudSelect<string>>());
        Assert.Empty(cut.FindComponents<MudMenu>());
        Assert.Equal(2, cut.FindAll("input[role=combobox][data-stand-in]").Count);
        Assert.Equal(6, cut.FindAll("button[aria-haspopup=menu][data-stand-in]").Count);
    }

    [Fact]
    public void Clicking_the_month_opens_the_real_select_and_picking_a_month_shows_it()
    {
        var cut = Open("/?asOf=2025-12");

        cut.Find("input[aria-label=Month]").Click();

        Assert.Single(cut.FindComponents<MudSelect<DateOnly>>());
        _popovers.WaitForAssertion(() => Assert.Contains(_popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("September 2024")));
        _popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("September 2024")).Click();
        cut.WaitForAssertion(() => Assert.Equal("14,346", cut.Find("[data-testid=headline-workers]").TextContent.Trim()));
        Assert.Contains("September 2024", cut.Find("h1").TextContent);
    }

    [Fact]
    public void An_arrow_key_on_the_closed_month_picker_picks_the_month_before_as_the_select_does()
    {
        var cut = Open("/?asOf=2025-12");

        cut.Find("input[aria-label=Month]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });

        cut.WaitForAssertion(() => Assert.Contains("November 2025", cut.Find("h1").TextContent));
        Assert.Empty(cut.FindComponents<MudSelect<DateOnly>>());
    }

    [Fact]
    public void Clicking_a_charts_export_button_opens_its_menu()
    {
        var cut = Open("/?asOf=2025-12");

        cut.Find("button[aria-label='Export: Workers by sector (OKED)']").Click();

        Assert.Single(cut.FindComponents<MudMenu>());
        _popovers.WaitForAssertion(() => Assert.Contains(_popovers.FindAll("[role=menuitem]"), i => i.TextContent.Contains("Numbers (CSV)")));
    }
}
