using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

/// <summary>The language follows the browser on a first visit, and the account once its owner has chosen one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountLanguageBrowserTests(BrowserFixture browser)
{
    private const string Password = "Language-Officer-2025";

    private async Task<string> CreateOfficerAsync()
    {
        var email = $"language-{Guid.NewGuid():N}@test.kz";
        using var scope = browser.App.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(new NewAccount(email, "Language test", Roles.RegionalOfficer, "KZ-55", Password), TestUsers.Administrator());
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        return email;
    }

    [SkippableTheory]
    [InlineData("ru-RU", "ru", "Вход", "Эл. почта")]
    [InlineData("kk-KZ", "kk", "Кіру", "Электрондық пошта")]
    public async Task A_first_visit_without_a_cookie_follows_the_browsers_language(string locale, string language, string signIn, string email)
    {
        var page = await browser.NewPageAsync(locale);

        await page.GotoAsync("/Account/Login");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = signIn })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel(email)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task An_officer_who_chose_kazakh_gets_kazakh_on_signing_in_from_a_new_english_browser()
    {
        browser.RequireBrowser();
        var email = await CreateOfficerAsync();
        var first = await browser.NewPageAsync("en-US");
        await BrowserFixture.SignInAsync(first, email, Password);
        await BrowserFixture.WaitForChartAsync(first);
        await Assertions.Expect(first.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await first.GetByRole(AriaRole.Button, new() { Name = "ҚАЗ" }).ClickAsync();
        await Assertions.Expect(first.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await using (var signedOut = await first.APIRequest.PostAsync("/Account/Logout", new() { MaxRedirects = 0 }))
        {
            Assert.Equal(302, signedOut.Status);
        }
        await first.Context.CloseAsync();

        var second = await browser.NewPageAsync("en-US");
        await second.GotoAsync("/Account/Login");
        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserFixture.SignInAsync(second, email, Password);

        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "ҚАЗ" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(second.GetByText("Рұқсат санаттары бойынша жұмысшылар").First).ToBeVisibleAsync();
        await second.Context.CloseAsync();
    }
}
