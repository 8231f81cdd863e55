using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class UseBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "UseBrowser";
}

/// <summary>Its own app: the acceptance below changes June 2025, which other browser tests read.</summary>
[Collection(UseBrowserCollection.Name)]
public sealed class UseBrowserTests(BrowserFixture browser)
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);

    [SkippableFact]
    public async Task After_an_acceptance_the_open_dashboards_ranking_map_and_use_card_change_without_a_reload()
    {
        var page = await browser.SignedInPageAsync(Roles.Analyst);
        await page.GotoAsync("/?asOf=2025-06");
        await BrowserFixture.WaitForChartAsync(page);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var flagged = page.GetByTestId("flagged-regions");
        await Assertions.Expect(flagged).ToContainTextAsync("Astana");
        await Assertions.Expect(flagged).Not.ToContainTextAsync("Ulytau");
        var use = page.GetByTestId("headline-use");
        await Assertions.Expect(use).ToContainTextAsync("89.7 %");
        await Assertions.Expect(page.GetByTestId("headline-use-note")).ToContainTextAsync("100 % would be reached in December 2025");
        await Assertions.Expect(page.GetByTestId("headline-use-fine")).ToContainTextAsync("A trend is not a promise");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show table: Map of the regions by use of their allocation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show table: Regions by use of their allocation" }).ClickAsync();
        var mapRow = page.GetByTestId("use-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "Ulytau" });
        await Assertions.Expect(mapRow).ToContainTextAsync("within the limit");
        var rankingRow = page.Locator(".ranking-table:not([data-testid])").GetByRole(AriaRole.Row).Filter(new() { HasText = "Ulytau" });
        await Assertions.Expect(rankingRow).ToContainTextAsync("82.6 %");

        // Ulytau's officer submits 300 workers against its 259; it counts nowhere until an analyst accepts it.
        using (var scope = browser.App.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ReportCommands>()
                .SaveAsync(StoredReports.Simple("KZ-62", June2025, 300), TestUsers.Officer("KZ-62"), null);
            Assert.IsType<SaveResult.Saved>(saved);
        }
        await Assertions.Expect(page.GetByTestId("pending-note")).ToContainTextAsync("1 submitted revisions for June 2025 wait for review");
        await Assertions.Expect(mapRow).ToContainTextAsync("within the limit");
        await Assertions.Expect(page.GetByTestId("preview-banner")).ToHaveCountAsync(0);

        // The preview counts it, says so, and goes back to what counts when switched off.
        var preview = page.GetByTestId("preview-switch");
        await preview.CheckAsync();
        await Assertions.Expect(page.GetByTestId("preview-banner")).ToContainTextAsync("not the official figures");
        await Assertions.Expect(rankingRow).ToContainTextAsync("115.8 %");
        await Assertions.Expect(mapRow).ToContainTextAsync("over the limit");
        await preview.UncheckAsync();
        await Assertions.Expect(page.GetByTestId("preview-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(rankingRow).ToContainTextAsync("82.6 %");
        await Assertions.Expect(page.GetByTestId("crossed-notice")).ToHaveCountAsync(0);

        await StoredReports.AcceptSubmittedAsync(browser.App.Services, "KZ-62", June2025);

        // Every open dashboard is told who crossed a threshold: Ulytau over it, the nation near it.
        var notice = page.GetByTestId("crossed-notice");
        await Assertions.Expect(notice).ToContainTextAsync("accepted figures for June 2025");
        await Assertions.Expect(notice).ToContainTextAsync("Ulytau 115.8 %, over the limit");
        await Assertions.Expect(notice).ToContainTextAsync("Kazakhstan 90.3 %, near the limit");
        await Assertions.Expect(flagged).ToContainTextAsync("Ulytau 115.8 %");
        await Assertions.Expect(mapRow).ToContainTextAsync("over the limit");
        await Assertions.Expect(rankingRow).ToContainTextAsync("115.8 %");
        // The nation's regional sum grows by 300 − 214 = 86 workers: (14 806 + 86) ÷ 16 500 = 90.3 %, now near the limit.
        await Assertions.Expect(use).ToContainTextAsync("90.3 %");
        await Assertions.Expect(page.GetByTestId("pending-note")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The dashboard was reloaded.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "use-after-acceptance.png"), FullPage = true });
        await notice.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(notice).ToHaveCountAsync(0);
    }
}
