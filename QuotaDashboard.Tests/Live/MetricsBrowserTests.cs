using System.Globalization;
using System.Text.RegularExpressions;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Live;
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
        Assert.Equal(0, await ValueAsync(scraper, "quota_dashboard_circuits_open"));

        var page = await browser.SignedInPageAsync(Roles.Analyst);
        await page.GotoAsync("/");
        await BrowserFixture.WaitForChartAsync(page);

        await ValueUntilAsync(scraper, "quota_dashboard_circuits_open", v => v >= 1);
        await ValueUntilAsync(scraper, "quota_dashboard_dashboards_open", v => v >= 1);
        await page.Context.CloseAsync();
    }

    private static async Task ValueUntilAsync(HttpClient scraper, string metric, Func<double, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        double value;
        while (!done(value = await ValueAsync(scraper, metric)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{metric} stayed at {value}.");
            await Task.Delay(100);
        }
    }

    private static async Task<double> ValueAsync(HttpClient scraper, string metric)
    {
        var text = await scraper.GetStringAsync(LiveMetrics.ScrapePath);
        var match = Regex.Match(text, $@"(?m)^{metric}(?:\{{[^}}]*\}})? (\S+)");
        Assert.True(match.Success, $"{metric} is not in the scrape.");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
