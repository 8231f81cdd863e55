using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

[Collection(BrowserCollection.Name)]
public sealed class ReportEntryBrowserTests(BrowserFixture browser)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static ILocator Field(IPage page, string label) => page.GetByRole(AriaRole.Spinbutton, new() { Name = label, Exact = true });

    /// <summary>Adds to a count as a person would: reads what the field holds and types the sum over it.</summary>
    private static async Task<int> AddAsync(IPage page, string label, int extra)
    {
        var field = Field(page, label);
        var value = int.Parse(await field.InputValueAsync(), NumberStyles.AllowThousands, English) + extra;
        await field.FillAsync(value.ToString(CultureInfo.InvariantCulture));
        return value;
    }

    private static async Task<bool> ShowsAsync(ILocator locator)
    {
        try
        {
            await Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = 1_500 });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private static async Task PickMonthAsync(IPage page, int year, string month)
    {
        await page.GetByLabel("Reporting month").ClickAsync();
        var picker = page.GetByRole(AriaRole.Dialog, new() { Name = "Reporting month" });
        var yearShown = picker.GetByRole(AriaRole.Button, new() { Name = year.ToString(CultureInfo.InvariantCulture), Exact = true });
        // Each step waits for the picker to show the year before, so that a slow render never makes it step twice.
        for (var i = 0; i < 20 && !await ShowsAsync(yearShown); i++)
        {
            await picker.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Previous year") }).ClickAsync();
        }
        await picker.GetByRole(AriaRole.Button, new() { Name = month, Exact = true }).ClickAsync();
    }

    [SkippableFact]
    public async Task A_report_an_officer_submits_reaches_the_national_dashboard_another_person_has_open_once_an_analyst_accepts_it_without_a_reload()
    {
        // May 2025 has no national release, so the national figure is the sum of the regional reports.
        var dashboard = await browser.SignedInPageAsync(Roles.Analyst);
        await dashboard.GotoAsync("/?asOf=2025-05");
        await BrowserFixture.WaitForChartAsync(dashboard);
        await Assertions.Expect(dashboard.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("May 2025");
        var workers = dashboard.GetByTestId("headline-workers");
        var before = long.Parse(await workers.InnerTextAsync(), NumberStyles.AllowThousands, English);
        await dashboard.EvaluateAsync("() => window.__entrySameDocument = true");

        var entry = await browser.SignedInPageAsync(Roles.RegionalOfficer, "KZ-75");
        await entry.GotoAsync("/reports/entry");
        // The form renders only once the circuit is live, so from here on typing and clicks reach it.
        await Assertions.Expect(Field(entry, "Total foreign workers")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(entry.GetByLabel("Region")).ToHaveValueAsync("Almaty");
        await PickMonthAsync(entry, 2025, "May");
        await Assertions.Expect(entry.GetByTestId("form-source")).ToContainTextAsync("revision");
        await Assertions.Expect(entry.GetByTestId("form-source")).ToContainTextAsync("May 2025");

        // Seven more specialists from China in construction: every breakdown still adds up.
        await AddAsync(entry, "Total foreign workers", 7);
        await AddAsync(entry, "Category 3: specialists", 7);
        await AddAsync(entry, "F — Construction", 7);
        await AddAsync(entry, "China (CN)", 7);
        foreach (var breakdown in new[] { "category", "sector", "country" })
        {
            await Assertions.Expect(entry.GetByTestId($"summary-{breakdown}")).ToContainTextAsync("adds up");
        }
        await entry.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();

        var submitted = entry.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex(@"Submitted for review as revision \d+\.") });
        await Assertions.Expect(submitted).ToBeVisibleAsync();
        await Assertions.Expect(entry.GetByRole(AriaRole.Link, new() { Name = "See the history of this report" })).ToBeVisibleAsync();
        await entry.EvaluateAsync("() => window.scrollTo(0, 0)");
        await entry.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "report-entry.png"), FullPage = true });
        var number = Regex.Match(await submitted.InnerTextAsync(), @"revision (\d+)").Groups[1].Value;

        // Submitted, it counts nowhere yet; an analyst accepts it from the review queue, and then every open dashboard shows it.
        var review = await browser.SignedInPageAsync(Roles.Analyst);
        await review.GotoAsync("/reports/review");
        var card = review.GetByRole(AriaRole.Region, new() { Name = $"Almaty, May 2025: revision {number}", Exact = true });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(workers).ToHaveTextAsync(before.ToString("N0", English));
        await card.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(review.GetByTestId("review-result")).ToContainTextAsync($"Accepted revision {number} of Almaty, May 2025");

        await Assertions.Expect(workers).ToHaveTextAsync((before + 7).ToString("N0", English), new() { Timeout = 5_000 });
        await Assertions.Expect(entry.GetByTestId("review-state")).ToContainTextAsync($"Revision {number} is accepted and counts on the dashboard.");
        Assert.True(await dashboard.EvaluateAsync<bool>("() => window.__entrySameDocument === true"), "The dashboard was reloaded.");
    }

    [SkippableFact]
    public async Task The_month_picker_offers_no_month_before_the_first_year_of_the_record()
    {
        var entry = await browser.SignedInPageAsync(Roles.RegionalOfficer, "KZ-75");
        await entry.GotoAsync("/reports/entry");
        await Assertions.Expect(Field(entry, "Total foreign workers")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await entry.GetByLabel("Reporting month").ClickAsync();
        var picker = entry.GetByRole(AriaRole.Dialog, new() { Name = "Reporting month" });
        var year2018 = picker.GetByRole(AriaRole.Button, new() { Name = "2018", Exact = true });
        for (var i = 0; i < 20 && !await ShowsAsync(year2018); i++)
        {
            await picker.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Previous year") }).ClickAsync();
        }

        foreach (var month in English.DateTimeFormat.MonthNames.Where(m => m.Length > 0))
        {
            await Assertions.Expect(picker.GetByRole(AriaRole.Button, new() { Name = month, Exact = true })).ToBeDisabledAsync();
        }
        await picker.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Next year") }).ClickAsync();
        await Assertions.Expect(picker.GetByRole(AriaRole.Button, new() { Name = "2019", Exact = true })).ToBeVisibleAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "January", Exact = true }).ClickAsync();
        await Assertions.Expect(entry.GetByTestId("form-source")).ToContainTextAsync("January 2019");
    }
}
