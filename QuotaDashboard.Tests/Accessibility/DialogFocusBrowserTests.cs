using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Accessibility;

/// <summary>
/// Every dialog of the app with the keyboard alone: opening one puts the focus in it, Tab and Shift+Tab go round inside it,
/// Escape closes it where closing is allowed, and closing gives the focus back to what opened it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DialogFocusBrowserTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeEnabledOptions CircuitStart = new() { Timeout = 15_000 };

    [SkippableFact]
    public async Task The_token_secret_dialog_keeps_the_focus_refuses_escape_and_gives_the_focus_back_to_the_issue_button()
    {
        var page = await OpenAsAdministratorAsync("/admin/tokens", "Issue token");
        var name = $"focus {Guid.NewGuid():N}"[..20];
        await TabToAsync(page, page.GetByLabel("Name", new() { Exact = true }));
        await page.Keyboard.TypeAsync(name);
        var issue = page.GetByRole(AriaRole.Button, new() { Name = "Issue token", Exact = true });
        await TabToAsync(page, issue);
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("shown only this once");
        await ExpectFocusInDialogAsync(page);
        await ExpectTrappedAsync(page, "Tab");
        await ExpectTrappedAsync(page, "Shift+Tab");

        // The secret is shown once: Escape must not throw it away.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await ExpectFocusInDialogAsync(page);

        await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, issue);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_revoke_confirmation_keeps_the_focus_closes_on_escape_and_gives_the_focus_back_or_to_the_table_heading()
    {
        var page = await OpenAsAdministratorAsync("/admin/tokens", "Issue token");
        var name = $"revoke {Guid.NewGuid():N}"[..20];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue token", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        var revoke = page.GetByRole(AriaRole.Button, new() { Name = $"Revoke the token {name}" });
        await TabToAsync(page, revoke);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToContainTextAsync("lose access at once");
        await ExpectFocusInDialogAsync(page);
        await ExpectTrappedAsync(page, "Tab");
        await ExpectTrappedAsync(page, "Shift+Tab");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, revoke);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToContainTextAsync("lose access at once");
        await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, revoke);

        // Revoked, the token's button is gone: the focus goes to the table's heading, not to the start of the document.
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(revoke).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, page.GetByRole(AriaRole.Heading, new() { Name = "Issued tokens" }));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_account_dialog_keeps_the_focus_closes_on_escape_or_cancel_and_gives_the_focus_back_to_new_account()
    {
        var page = await OpenAsAdministratorAsync("/admin/accounts", "New account");
        var newAccount = page.GetByRole(AriaRole.Button, new() { Name = "New account", Exact = true });
        await TabToAsync(page, newAccount);
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByLabel("Email", new() { Exact = true })).ToBeVisibleAsync();
        await ExpectFocusInDialogAsync(page);
        await ExpectTrappedAsync(page, "Tab");
        await ExpectTrappedAsync(page, "Shift+Tab");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, newAccount);

        await page.Keyboard.PressAsync("Enter");
        await ExpectFocusInDialogAsync(page);
        await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, newAccount);

        // The action: the account is created and the focus is back on the button that began it.
        var email = $"focus-{Guid.NewGuid():N}"[..14] + "@example.kz";
        await CreateAccountAsync(page, newAccount, email);
        await ExpectFocusedAsync(page, newAccount);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Dialogs_opened_from_an_accounts_menu_give_the_focus_back_to_the_menu_button()
    {
        var page = await OpenAsAdministratorAsync("/admin/accounts", "New account");
        var email = $"menu-{Guid.NewGuid():N}"[..13] + "@example.kz";
        await CreateAccountAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "New account", Exact = true }), email);
        var actions = page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {email}" });
        var dialog = page.GetByRole(AriaRole.Dialog);

        // A new password: Escape closes the dialog; the menu item that opened it is gone, its menu button takes the focus.
        await OpenMenuItemAsync(page, actions, "Set a new password");
        await ExpectFocusInDialogAsync(page);
        await ExpectTrappedAsync(page, "Tab");
        await ExpectTrappedAsync(page, "Shift+Tab");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, actions);

        // The lock confirmation: Escape, then Cancel, then the lock itself.
        await OpenMenuItemAsync(page, actions, "Lock");
        await Assertions.Expect(dialog).ToContainTextAsync("cannot sign in");
        await ExpectFocusInDialogAsync(page);
        await ExpectTrappedAsync(page, "Tab");
        await ExpectTrappedAsync(page, "Shift+Tab");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, actions);

        await OpenMenuItemAsync(page, actions, "Lock");
        await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ExpectFocusedAsync(page, actions);

        await OpenMenuItemAsync(page, actions, "Lock");
        await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Locked");
        await ExpectFocusedAsync(page, actions);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsAdministratorAsync(string url, string button)
    {
        var page = await browser.SignedInPageAsync(Roles.Administrator);
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true })).ToBeEnabledAsync(CircuitStart);
        return page;
    }

    private static async Task CreateAccountAsync(IPage page, ILocator newAccount, string email)
    {
        await TabToAsync(page, newAccount);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await dialog.GetByLabel("Display name", new() { Exact = true }).FillAsync("Focus test");
        await dialog.GetByLabel("Role", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Manager", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Initial password", new() { Exact = true }).FillAsync("Focus-Test-2025!");
        await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToHaveCountAsync(1);
    }

    private static async Task OpenMenuItemAsync(IPage page, ILocator menu, string item)
    {
        await TabToAsync(page, menu);
        await page.Keyboard.PressAsync("Enter");
        var entry = page.GetByRole(AriaRole.Menuitem, new() { Name = item, Exact = true });
        await Assertions.Expect(entry).ToBeVisibleAsync();
        for (var i = 0; i < 8 && !await IsFocusedAsync(entry); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.True(await IsFocusedAsync(entry), $"The arrows never reached the menu item {item}.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
    }

    /// <summary>Where the focus is, for the failure messages.</summary>
    private static Task<string> FocusAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");

    private static async Task ExpectFocusInDialogAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => !!document.activeElement?.closest('[role=dialog]')", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The focus is not in the dialog but on {await FocusAsync(page)}");
        }
    }

    /// <summary>
    /// Presses the key more times than the dialog has stops: the focus never leaves the dialog and goes round, coming back to a stop
    /// it had already reached.
    /// </summary>
    private static async Task ExpectTrappedAsync(IPage page, string key)
    {
        var stops = await page.EvaluateAsync<int>(
            "() => [...document.querySelector('[role=dialog]').querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex=\"-1\"])')].length");
        var seen = new List<int>();
        for (var i = 0; i < stops + 3; i++)
        {
            await page.Keyboard.PressAsync(key);
            await ExpectFocusInDialogAsync(page);
            seen.Add(await page.EvaluateAsync<int>(
                "() => [...document.querySelector('[role=dialog]').querySelectorAll('*')].indexOf(document.activeElement)"));
        }
        Assert.True(seen.Distinct().Count() < seen.Count, $"{key} did not go round the dialog: {string.Join(", ", seen)}");
    }

    private static async Task ExpectFocusedAsync(IPage page, ILocator target)
    {
        try
        {
            await Assertions.Expect(target).ToBeFocusedAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            Assert.Fail($"The focus did not come back to {target}; it is on {await FocusAsync(page)}");
        }
    }

    private static async Task TabToAsync(IPage page, ILocator target, bool backwards = false)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await IsFocusedAsync(target))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"The keyboard never reached {target}; the focus is on {await FocusAsync(page)}");
    }

    private static Task<bool> IsFocusedAsync(ILocator target) =>
        target.EvaluateAsync<bool>("e => e === document.activeElement");
}
