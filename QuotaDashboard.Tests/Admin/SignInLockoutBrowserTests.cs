using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Admin;

/// <summary>Lockout through the real sign-in page, with accounts made for each test: the demo accounts must stay usable for the other tests.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInLockoutBrowserTests(BrowserFixture browser)
{
    private const string Password = "Lockout-Test-2025";
    private static readonly Regex LockoutPage = new("/Account/Lockout$", RegexOptions.IgnoreCase);

    private async Task<(string Email, string Id)> CreateAccountAsync()
    {
        var email = $"lockout-{Guid.NewGuid():N}@test.kz";
        using var scope = browser.App.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var result = await administration.CreateAsync(new NewAccount(email, "Lockout test", Roles.Manager, null, Password), TestUsers.Administrator());
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        return (email, (await administration.ListAsync(TestUsers.Administrator())).Single(a => a.Email == email).Id);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused_too()
    {
        browser.RequireBrowser();
        var (email, _) = await CreateAccountAsync();
        var page = await browser.NewPageAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SignInAsync(page, email, $"Wrong-Password-{attempt}");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right.");
        }
        await SignInAsync(page, email, "Wrong-Password-5");

        await Assertions.Expect(page).ToHaveURLAsync(LockoutPage);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account locked" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "sign-in-lockout.png"), FullPage = true });
        await SignInAsync(page, email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(LockoutPage);
    }

    [SkippableFact]
    public async Task An_account_an_administrator_locked_cannot_sign_in_until_it_is_unlocked()
    {
        browser.RequireBrowser();
        var (email, id) = await CreateAccountAsync();
        using var scope = browser.App.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        Assert.True((await administration.LockAsync(id, TestUsers.Administrator())).Succeeded);
        var page = await browser.NewPageAsync();

        await SignInAsync(page, email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(LockoutPage);

        Assert.True((await administration.UnlockAsync(id, TestUsers.Administrator())).Succeeded);
        await SignInAsync(page, email, Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kazakhstan");
    }
}
