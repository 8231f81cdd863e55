using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Admin;

/// <summary>The administration and audit pages in Chromium, as an administrator and as a manager uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeEnabledOptions CircuitStart = new() { Timeout = 15_000 };

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, name), FullPage = true });

    /// <summary>Opens an administration page as the demo administrator; its buttons are enabled only once the circuit is live.</summary>
    private async Task<IPage> OpenAsAdministratorAsync(string url, string button)
    {
        var page = await browser.SignedInPageAsync(Roles.Administrator);
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true })).ToBeEnabledAsync(CircuitStart);
        return page;
    }

    private async Task<HttpStatusCode> CallApiAsync(string secret)
    {
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (await http.GetAsync("/api/quota/2025")).StatusCode;
    }

    [SkippableFact]
    public async Task An_administrator_issues_a_token_that_works_until_it_is_revoked_and_the_audit_log_shows_both()
    {
        var page = await OpenAsAdministratorAsync("/admin/tokens", "Issue token");
        var name = $"statistics portal {Guid.NewGuid():N}"[..26];

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Reads as", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Analyst", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue token", Exact = true }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("shown only this once");
        await Assertions.Expect(dialog).ToContainTextAsync("Authorization: Bearer");
        var secret = await dialog.GetByLabel("Token", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("qd_", secret);
        await ScreenshotAsync(page, "admin-token-issued.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(secret));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("Analyst");
        await Assertions.Expect(row).ToContainTextAsync("by admin@demo.quota.kz");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke the token {name}" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("lose access at once");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(secret));
        await ScreenshotAsync(page, "admin-tokens.png");

        await page.GotoAsync("/audit");
        var entries = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"API token “{name}”" });
        await Assertions.Expect(entries).ToHaveCountAsync(2);
        await Assertions.Expect(entries.Nth(0)).ToContainTextAsync("API token revoked");
        await Assertions.Expect(entries.Nth(1)).ToContainTextAsync("API token issued");
        await Assertions.Expect(entries.Nth(1)).ToContainTextAsync("admin@demo.quota.kz");
        await Assertions.Expect(page.GetByLabel("Action", new() { Exact = true })).ToBeEnabledAsync(CircuitStart);
        await page.GetByLabel("Action", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "API token issued" }).ClickAsync();
        await Assertions.Expect(entries).ToHaveCountAsync(1);
        await entries.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("td.audit-change pre").Last).ToContainTextAsync($"\"Name\": \"{name}\"");
        await ScreenshotAsync(page, "audit-log.png");
    }

    [SkippableFact]
    public async Task An_administrator_creates_an_officer_in_the_form_which_explains_a_weak_password_and_shows_markup_as_text()
    {
        var page = await OpenAsAdministratorAsync("/admin/accounts", "New account");
        var email = $"pavlodar-{Guid.NewGuid():N}@test.kz";
        const string displayName = "<b>Pavlodar</b> officer";

        await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await dialog.GetByLabel("Display name", new() { Exact = true }).FillAsync(displayName);
        await dialog.GetByLabel("Region", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Pavlodar (KZ-55)" }).ClickAsync();
        await dialog.GetByLabel("Initial password", new() { Exact = true }).FillAsync("weak");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(dialog).ToContainTextAsync("The password needs at least 12 characters.");
        await Assertions.Expect(dialog).ToContainTextAsync("The password needs an upper-case letter.");
        await ScreenshotAsync(page, "admin-account-weak-password.png");
        await dialog.GetByLabel("Initial password", new() { Exact = true }).FillAsync("Pavlodar-Officer-2025");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync(displayName);
        await Assertions.Expect(row.Locator("b")).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync("Pavlodar (KZ-55)");
        await Assertions.Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {email}" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Lock" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("until an administrator unlocks it");
        await ScreenshotAsync(page, "admin-accounts.png");
    }

    [SkippableFact]
    public async Task A_manager_sees_no_administration_and_the_services_refuse_them_regardless()
    {
        var page = await browser.SignedInPageAsync(Roles.Manager);

        foreach (var path in new[] { "/admin/accounts", "/admin/tokens", "/audit" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New account" })).ToHaveCountAsync(0);
        }
        await ScreenshotAsync(page, "admin-accounts-manager.png");

        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var manager = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync((await users.FindByEmailAsync(BrowserFixture.Demo(Roles.Manager).Email))!);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<AccountAdministration>().ListAsync(manager));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<AuditQueries>().GetActionsAsync(manager));
    }
}
