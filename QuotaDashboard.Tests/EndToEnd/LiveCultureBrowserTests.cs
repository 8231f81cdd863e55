using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

/// <summary>A dashboard redrawn because someone else's report was accepted stays in its viewer's language, whatever theirs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCultureBrowserTests(BrowserFixture browser)
{
    private async Task SaveAsIfInAsync(string culture, string region, DateOnly month, int extra)
    {
        var stored = await StoredReports.CurrentInputAsync(browser.App.Services, region, month);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            using var scope = browser.App.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReportCommands>()
                .SaveAsync(stored.WithExtra(extra), TestUsers.Officer(region, $"{culture}-speaking officer"), null);
            Assert.IsType<SaveResult.Saved>(result);
            // The submission counts once accepted, and the acceptance is what every dashboard hears of: made in the same language.
            await StoredReports.AcceptSubmittedAsync(browser.App.Services, region, month);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private async Task<IPage> DashboardInAsync(string culture, string url)
    {
        var page = await browser.SignedInPageAsync(Roles.Analyst);
        await page.GotoAsync($"/culture/set?culture={culture}&redirectUri=/");
        await page.GotoAsync(url);
        await BrowserFixture.WaitForChartAsync(page);
        return page;
    }

    [SkippableFact]
    public async Task A_russian_dashboard_stays_russian_after_an_english_speaking_officer_saves()
    {
        var month = new DateOnly(2025, 4, 1);
        var page = await DashboardInAsync("ru", "/?asOf=2025-04&region=KZ-47");
        var workers = page.GetByTestId("headline-workers");
        var expected = (await StoredReports.CurrentInputAsync(browser.App.Services, "KZ-47", month)).Total + 7;

        await SaveAsIfInAsync("en", "KZ-47", month, 7);

        await Assertions.Expect(workers).ToHaveTextAsync(expected.ToString("N0", new CultureInfo("ru")), new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByText("Иностранные работники")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("апрель 2025", new() { IgnoreCase = true });
    }

    [SkippableFact]
    public async Task An_english_dashboard_stays_english_after_a_russian_speaking_officer_saves()
    {
        var month = new DateOnly(2025, 4, 1);
        var page = await DashboardInAsync("en", "/?asOf=2025-04&region=KZ-55");
        var workers = page.GetByTestId("headline-workers");
        var expected = (await StoredReports.CurrentInputAsync(browser.App.Services, "KZ-55", month)).Total + 9;

        await SaveAsIfInAsync("ru", "KZ-55", month, 9);

        await Assertions.Expect(workers).ToHaveTextAsync(expected.ToString("N0", new CultureInfo("en")), new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByText("Foreign workers")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("April 2025");
    }
}
