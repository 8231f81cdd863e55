using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class AccessDeniedBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task A_manager_who_opens_the_audit_log_sees_access_denied_with_the_pages_a_manager_may_use()
    {
        var page = await browser.SignedInPageAsync(Roles.Manager, width: 1366, height: 900);

        await page.GotoAsync("/audit");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToHaveCountAsync(0);
        var instead = page.GetByRole(AriaRole.Navigation, new() { Name = "What you can do instead" });
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Briefing", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Report history", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Enter a report" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "access-denied-manager.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" }).ClickAsync();

        await BrowserFixture.WaitForChartAsync(page);
    }

    [SkippableFact]
    public async Task An_officer_who_opens_account_administration_is_offered_report_entry_and_upload()
    {
        var page = await browser.SignedInPageAsync(Roles.RegionalOfficer, "KZ-75", width: 1366, height: 900);

        await page.GotoAsync("/admin/accounts");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        var instead = page.GetByRole(AriaRole.Navigation, new() { Name = "What you can do instead" });
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Enter a report", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Upload a file", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(instead.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToHaveCountAsync(0);
    }
}
