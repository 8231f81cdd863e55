using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

/// <summary>What the officer of Almaty sees once Astana's report with a reason is accepted: the nation and Almaty, nothing of Astana.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficerScopeBrowserTests(BrowserFixture browser)
{
    private const string AstanaReason = "Astana district office counted specialists twice";

    private async Task SaveAstanaReportWithReasonAsync()
    {
        browser.RequireBrowser();
        var month = new DateOnly(2025, 10, 1);
        var stored = await StoredReports.CurrentInputAsync(browser.App.Services, "KZ-71", month);
        var input = stored with
        {
            Categories = stored.Categories.ToDictionary(c => c.Key, c => c.Key == "cat3" ? c.Value + 3 : c.Value),
            MismatchReason = AstanaReason,
        };
        using var scope = browser.App.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(input, TestUsers.Officer("KZ-71", "officer of KZ-71"), null);
        Assert.False(result is SaveResult.Invalid or SaveResult.Forbidden or SaveResult.Conflict, $"Astana's report was refused: {result}");
        // Unchanged when another test of this class stored and accepted it first.
        if (result is SaveResult.Saved)
        {
            await StoredReports.AcceptSubmittedAsync(browser.App.Services, "KZ-71", month);
        }
    }

    [SkippableFact]
    public async Task The_almaty_officers_dashboard_and_briefing_show_nothing_of_astana()
    {
        await SaveAstanaReportWithReasonAsync();
        var page = await browser.SignedInPageAsync(Roles.RegionalOfficer, "KZ-75");

        await page.GotoAsync("/?asOf=2025-10");
        await BrowserFixture.WaitForChartAsync(page, "regions-by-use");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Region" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "All of Kazakhstan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kazakhstan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show table: Regions by use of their allocation" }).ClickAsync();
        var ranking = page.GetByRole(AriaRole.Region, new() { Name = "Regions by use of their allocation" }).GetByRole(AriaRole.Table);
        await Assertions.Expect(ranking).ToContainTextAsync("Almaty");
        Assert.DoesNotContain("Astana", await ranking.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("data-quality")).ToContainTextAsync("14,666");
        await ShowTheNotesAsync(page);
        Assert.DoesNotContain(AstanaReason, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "officer-almaty-national.png"), FullPage = true });

        await page.GotoAsync("/briefing?asOf=2025-10");
        await BrowserFixture.WaitForChartAsync(page, "regions-by-use");
        var briefing = await page.ContentAsync();
        Assert.DoesNotContain(AstanaReason, briefing, StringComparison.Ordinal);
        Assert.DoesNotContain("KZ-71", briefing, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_analyst_sees_astanas_reason_in_the_data_quality_panel()
    {
        await SaveAstanaReportWithReasonAsync();
        var page = await browser.SignedInPageAsync(Roles.Analyst);

        await page.GotoAsync("/?asOf=2025-10");
        await BrowserFixture.WaitForChartAsync(page);
        await ShowTheNotesAsync(page);

        await Assertions.Expect(page.GetByTestId("data-quality")).ToContainTextAsync(AstanaReason);
    }

    /// <summary>The dashboard keeps the notes on the record behind a button until asked for.</summary>
    private static async Task ShowTheNotesAsync(IPage page)
    {
        var show = page.GetByTestId("data-quality").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Show the \d+ notes on the record$") });
        await show.ClickAsync();
        await Assertions.Expect(page.GetByTestId("data-quality").GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    }
}
