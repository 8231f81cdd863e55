using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    private static readonly string[] ChartNames = ["workers-by-category", "workers-by-sector", "workers-by-country", "quota-timeline", "regions-by-use"];

    private static ILocator Headline(IPage page, string id) => page.GetByTestId(id);

    /// <summary>Waits until the chart has finished drawing and returns how many of its pixels are not blank.</summary>
    private static async Task<int> DrawnPixelsAsync(IPage page, string chart)
    {
        await BrowserFixture.WaitForChartAsync(page, chart);
        var canvas = page.Locator($"canvas[data-chart='{chart}']");
        return await canvas.EvaluateAsync<int>(@"c => {
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let drawn = 0;
            for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) drawn++; }
            return drawn;
        }");
    }

    /// <summary>Opens a page and waits until the circuit is live: charts draw only once it is, so clicks work from then on.</summary>
    private async Task<IPage> OpenAsync(string url, int width = 1600, int height = 1000)
    {
        var page = await browser.SignedInPageAsync(QuotaDashboard.Data.Roles.Analyst, width: width, height: height);
        await page.GotoAsync(url);
        await BrowserFixture.WaitForChartAsync(page);
        return page;
    }

    [SkippableFact]
    public async Task The_home_page_shows_the_published_headline_figures_and_draws_every_chart()
    {
        var page = await OpenAsync("/", 1920, 1080);

        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14,103");
        await Assertions.Expect(Headline(page, "headline-quota")).ToHaveTextAsync("16,700");
        await Assertions.Expect(Headline(page, "headline-use")).ToHaveTextAsync("84.4 %");
        await Assertions.Expect(Headline(page, "headline-employers")).ToHaveTextAsync("1,817");
        await Assertions.Expect(Headline(page, "headline-local")).ToHaveTextAsync("96 %");
        await Assertions.Expect(page.GetByTestId("category-gap")).ToContainTextAsync("14,105");
        await Assertions.Expect(page.GetByTestId("illustrative-banner")).ToContainTextAsync("illustrative regional data");
        foreach (var chart in ChartNames)
        {
            Assert.True(await DrawnPixelsAsync(page, chart) > 1000, $"The chart {chart} drew nothing on its canvas.");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "dashboard-en.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Each_chart_switches_to_a_table_of_its_numbers()
    {
        var page = await OpenAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show table: Workers by country of origin" }).ClickAsync();

        var table = page.GetByRole(AriaRole.Region, new() { Name = "Workers by country of origin" }).GetByRole(AriaRole.Table);
        await Assertions.Expect(table).ToContainTextAsync("5,604");
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "CN" })).ToContainTextAsync("China");
    }

    [SkippableFact]
    public async Task Picking_september_2024_shows_that_release_against_the_2024_quota()
    {
        var page = await OpenAsync("/");
        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14,103");

        await page.GetByLabel("Month").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "September 2024" }).ClickAsync();

        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14,346");
        await Assertions.Expect(Headline(page, "headline-quota")).ToHaveTextAsync("22,000");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("September 2024");
    }

    [SkippableFact]
    public async Task The_language_switch_speaks_russian_and_persists_across_visits()
    {
        var page = await OpenAsync("/");
        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14,103");

        await page.GetByRole(AriaRole.Button, new() { Name = "RU" }).ClickAsync();

        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14\u00a0103");
        await Assertions.Expect(page.GetByText("Иностранные работники")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(Headline(page, "headline-use")).ToHaveTextAsync("84,4 %");
        Assert.True(await DrawnPixelsAsync(page, "workers-by-category") > 1000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "dashboard-ru.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14,103");
    }

    [SkippableFact]
    public async Task The_language_switch_speaks_kazakh_draws_every_chart_and_persists_across_visits()
    {
        var page = await OpenAsync("/");
        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14,103");

        await page.GetByRole(AriaRole.Button, new() { Name = "ҚАЗ" }).ClickAsync();

        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14\u00a0103");
        await Assertions.Expect(page.GetByText("Шетелдік жұмысшылар", new() { Exact = true }).First).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(Headline(page, "headline-use")).ToHaveTextAsync("84,4 %");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "ҚАЗ" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        // The time axis names its months with date-fns's Kazakh locale: a chart whose module failed to load it would draw nothing.
        foreach (var chart in ChartNames)
        {
            Assert.True(await DrawnPixelsAsync(page, chart) > 1000, $"The chart {chart} drew nothing on its canvas in Kazakh.");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "dashboard-kk.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Assertions.Expect(Headline(page, "headline-workers")).ToHaveTextAsync("14,103");
    }

    [SkippableFact]
    public async Task A_report_saved_through_the_application_reaches_an_open_dashboard_without_a_reload()
    {
        var page = await OpenAsync("/?asOf=2025-06");
        var workers = Headline(page, "headline-workers");
        await Assertions.Expect(workers).Not.ToHaveTextAsync("not published");
        var before = await workers.InnerTextAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");

        using var scope = browser.App.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(
            new ReportInput("KZ-75", new DateOnly(2025, 6, 1), 50_000,
                new Dictionary<string, int> { ["cat3"] = 50_000 },
                new Dictionary<string, int> { ["F"] = 50_000 },
                new Dictionary<string, int> { ["CN"] = 50_000 }),
            TestUsers.Analyst("browser test"), expectedVersion: null);
        Assert.IsType<SaveResult.Saved>(saved);

        await Assertions.Expect(workers).Not.ToHaveTextAsync(before, new() { Timeout = 5_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");
    }
}
