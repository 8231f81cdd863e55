using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Accessibility;

/// <summary>A person who cannot use a mouse does the dashboard's errands with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardOnlyBrowserTests(BrowserFixture browser)
{
    private const string Chart = "Workers by permit category";

    [SkippableFact]
    public async Task A_manager_signs_in_changes_the_month_opens_a_charts_table_and_exports_it_without_a_mouse()
    {
        var page = await browser.NewPageAsync();
        var account = BrowserFixture.Demo(Roles.Manager);

        await page.GotoAsync("/Account/Login");
        await TabToAsync(page, page.GetByLabel("Email"));
        await page.Keyboard.TypeAsync(account.Email);
        await TabToAsync(page, page.GetByLabel("Password"));
        await page.Keyboard.TypeAsync(account.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await BrowserFixture.WaitForChartAsync(page);

        // The page puts the focus on its heading; going back from there, the first stop of the page is the skip link, shown
        // while it has the focus, which takes the reader past the bar and the menu.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).Not.ToBeInViewportAsync();
        await TabToAsync(page, skip, backwards: true);
        Assert.True(await skip.EvaluateAsync<bool>(@"e => e === document.querySelector(
            'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, [tabindex]:not([tabindex=""-1""])')"),
            "The skip link is not the first thing the keyboard reaches.");
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "keyboard-skip-link.png") });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main-content")).ToBeFocusedAsync();

        var month = page.GetByRole(AriaRole.Combobox, new() { Name = "Month" });
        await TabToAsync(page, month);
        var before = await month.InputValueAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        // The list opens on the month shown, the latest first: the first arrow marks it, the second the month before.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Month" })).Not.ToHaveValueAsync(before);
        var after = await page.GetByRole(AriaRole.Combobox, new() { Name = "Month" }).InputValueAsync();

        var showTable = page.GetByRole(AriaRole.Button, new() { Name = $"Show table: {Chart}" });
        await TabToAsync(page, showTable);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(showTable).ToHaveAttributeAsync("aria-pressed", "true");
        var table = page.GetByRole(AriaRole.Table, new() { Name = Chart });
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#{await showTable.GetAttributeAsync("aria-controls")}").GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "keyboard-chart-table.png") });

        var export = page.GetByRole(AriaRole.Button, new() { Name = $"Export: {Chart}" });
        await TabToAsync(page, export, backwards: true);
        await page.Keyboard.PressAsync("Enter");
        var csv = page.GetByRole(AriaRole.Menuitem, new() { Name = "Numbers (CSV)" });
        await Assertions.Expect(csv).ToBeVisibleAsync();
        await ArrowToAsync(page, csv);
        var download = await DownloadAsync(page, () => page.Keyboard.PressAsync("Enter"));

        Assert.StartsWith("workers-by-category_", download.SuggestedFilename);
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = Path.Combine(RepositoryPaths.TestOutput, "keyboard-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Contains("Key", await File.ReadAllTextAsync(path));
        Assert.NotEqual(before, after);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has the focus; fails when it never comes.</summary>
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
        Assert.Fail($"The keyboard never reached {target}; the focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)")}");
    }

    private static async Task ArrowToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 8; i++)
        {
            if (await IsFocusedAsync(target))
            {
                return;
            }
            await page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.Fail($"The arrows never reached {target}; the focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)")}");
    }

    private static Task<bool> IsFocusedAsync(ILocator target) =>
        target.EvaluateAsync<bool>("e => e === document.activeElement");

    /// <summary>The file a key press downloads, whether it arrives in this tab or in the one the link opens.</summary>
    private static async Task<IDownload> DownloadAsync(IPage page, Func<Task> action)
    {
        var arrived = new TaskCompletionSource<IDownload>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDownload(object? _, IDownload d) => arrived.TrySetResult(d);
        void OnPage(object? _, IPage p) => p.Download += OnDownload;
        page.Download += OnDownload;
        page.Context.Page += OnPage;
        await action();
        var done = await Task.WhenAny(arrived.Task, Task.Delay(15_000));
        Assert.True(done == arrived.Task, "No download arrived.");
        return await arrived.Task;
    }
}
