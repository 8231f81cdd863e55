using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Live;

/// <summary>A browser of its own over an app of its own: no other test's pages are open in it.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_dashboard_open_in_a_browser_counts_as_an_open_circuit_and_an_open_dashboard()
    {
        browser.RequireBrowser();
        using var scraper = new HttpClient { BaseAddress = browser.BaseAddress };
        Assert.Equal(0, Scrape.Value(await Scrape.UntilAsync(scraper, _ => true), "quota_dashboard_circuits_open"));

        var page = await browser.SignedInPageAsync(Roles.Analyst);
        await page.GotoAsync("/");
        await BrowserFixture.WaitForChartAsync(page);

        await Scrape.UntilAsync(scraper, t => Scrape.Value(t, "quota_dashboard_circuits_open") >= 1);
        await Scrape.UntilAsync(scraper, t => Scrape.Value(t, "quota_dashboard_dashboards_open") >= 1);
        await page.Context.CloseAsync();
    }
}
