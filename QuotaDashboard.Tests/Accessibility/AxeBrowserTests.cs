using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using QuotaDashboard.Components.Layout;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Accessibility;

/// <summary>
/// axe-core in Chromium on every page, in every language, as everyone who may open it, with a dialog open and with the charts'
/// tables shown. The reference page of the API (/api/docs) is left out: it is Scalar's page, not the product's markup.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Languages = ["en", "ru", "kk"];

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only what fails is reported in full; the passes of a dashboard are thousands of nodes to serialise for nothing.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// Runs before any script of every page: notes when the circuit's first render has replaced the prerendered page, which is
    /// when the page is the one a reader uses (buttons enabled, data loaded), without guessing at a delay.
    /// </summary>
    private const string WatchCircuit = """
        document.addEventListener('DOMContentLoaded', () => {
            const prerendered = document.getElementById('main-content');
            if (!prerendered) { window.__pageLive = true; return; }
            const watch = new MutationObserver(() => {
                if (!prerendered.isConnected) { window.__pageLive = true; watch.disconnect(); }
            });
            watch.observe(document.body, { childList: true, subtree: true });
        });
        """;

    /// <summary>Live, titled, loaded (no progress bar) and every chart drawn.</summary>
    private const string PageReady = """
        () => window.__pageLive === true && document.title.length > 0
            && !document.querySelector('.mud-progress-linear')
            && [...document.querySelectorAll('canvas[data-chart]')].every(c => c.dataset.rendered === 'true')
        """;

    /// <summary>
    /// The audit log draws each kind of action in its own colour. Token entries are written here so that axe sees their colour
    /// whatever other tests of the collection wrote before; a figure or an account is not, since other tests read those.
    /// </summary>
    private async Task WriteTokenEntriesAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<QuotaDashboard.Features.Access.ApiTokenService>();
        var administrator = TestUsers.Administrator();
        if (await tokens.IssueAsync($"axe {Guid.NewGuid():N}"[..20], Roles.Manager, null, administrator) is QuotaDashboard.Features.Access.TokenIssueResult.Issued issued)
        {
            await tokens.RevokeAsync(issued.Token.Token.Id, administrator);
        }
    }

    /// <summary>Pages every signed-in person can reach besides the menu's: the refusal and the unknown address.</summary>
    private static readonly string[] SignedInExtras = ["/Account/AccessDenied", "/not-found"];

    public static TheoryData<string> AllRoles => [Roles.Administrator, Roles.Analyst, Roles.Manager, Roles.RegionalOfficer];

    [SkippableTheory]
    [MemberData(nameof(AllRoles))]
    public async Task No_page_a_role_may_open_has_a_serious_or_critical_violation_in_any_language(string role)
    {
        var account = BrowserFixture.Demo(role);
        var region = account.RegionCode ?? "KZ-75";
        var user = TestUsers.User("someone", role, account.RegionCode);
        var paths = AppPages.For(user).Select(p => p.Href)
            .Concat([$"/?region={region}", $"/briefing?region={region}"])
            .Concat(SignedInExtras)
            .ToList();
        await WriteTokenEntriesAsync();
        var signIn = await browser.SignedInPageAsync(role);
        var signedIn = await signIn.Context.StorageStateAsync();
        await signIn.Context.CloseAsync();

        // One context per language, all three at once: most of a page's time is spent waiting on the circuit, not on a core.
        var found = await Task.WhenAll(Languages.Select(language => InLanguageAsync(language, signedIn, async page =>
        {
            var problems = await CheckPagesAsync(page, role, language, paths);
            if (role == Roles.Administrator)
            {
                problems.AddRange(await CheckAccountDialogAsync(page, language));
            }
            if (role == Roles.Manager)
            {
                problems.AddRange(await CheckChartTablesAsync(page, role, language));
            }
            return problems;
        })));

        var all = found.SelectMany(p => p).ToList();
        Assert.True(all.Count == 0, $"{all.Count} serious or critical violations:\n{string.Join("\n", all)}");
    }

    [SkippableFact]
    public async Task The_sign_in_pages_have_no_serious_or_critical_violation_in_any_language()
    {
        var found = await Task.WhenAll(Languages.Select(language => InLanguageAsync(language, null,
            page => CheckPagesAsync(page, "anonymous", language, ["/Account/Login", "/Account/Lockout"]))));

        var all = found.SelectMany(p => p).ToList();
        Assert.True(all.Count == 0, $"{all.Count} serious or critical violations:\n{string.Join("\n", all)}");
    }

    /// <summary>A browser context that asks in <paramref name="language"/> from the start, through the cookie the language switch sets.</summary>
    private async Task<List<string>> InLanguageAsync(string language, string? storageState, Func<IPage, Task<List<string>>> check)
    {
        var context = await browser.RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            StorageState = storageState,
        });
        try
        {
            await context.AddCookiesAsync([new Cookie
            {
                Name = CookieRequestCultureProvider.DefaultCookieName,
                Value = Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language))),
                Url = browser.BaseAddress.ToString(),
            }]);
            await context.AddInitScriptAsync(WatchCircuit);
            return await check(await context.NewPageAsync());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task<List<string>> CheckPagesAsync(IPage page, string who, string language, IReadOnlyList<string> paths)
    {
        List<string> problems = [];
        foreach (var path in paths)
        {
            await OpenAsync(page, path, language);
            problems.AddRange(await AxeAsync(page, $"{path} as {who} in {language}"));
        }
        return problems;
    }

    /// <summary>The dashboard with every chart's table shown in place of its chart.</summary>
    private static async Task<List<string>> CheckChartTablesAsync(IPage page, string who, string language)
    {
        await OpenAsync(page, "/", language);
        var toggles = page.Locator("button[aria-controls^='table-']");
        var count = await toggles.CountAsync();
        Assert.True(count > 0, "The dashboard offers no chart's table.");
        for (var i = 0; i < count; i++)
        {
            var toggle = toggles.Nth(i);
            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(page.Locator($"#{await toggle.GetAttributeAsync("aria-controls")} table").First).ToBeVisibleAsync();
        }
        return await AxeAsync(page, $"/ with every chart's table shown as {who} in {language}");
    }

    /// <summary>The administrator's dialog for a new account, open over its page.</summary>
    private async Task<List<string>> CheckAccountDialogAsync(IPage page, string language)
    {
        var text = browser.App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var newAccount = ProblemWording.InCulture(language, () => text["New account"].Value);
        await OpenAsync(page, "/admin/accounts", language);
        await page.GetByRole(AriaRole.Button, new() { Name = newAccount, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await SettledAsync(page);
        var problems = await AxeAsync(page, $"/admin/accounts with the new-account dialog open as {Roles.Administrator} in {language}");
        await page.Keyboard.PressAsync("Escape");
        return problems;
    }

    private static async Task OpenAsync(IPage page, string path, string language)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync(PageReady, null, new() { Timeout = 20_000, PollingInterval = 50 });
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await SettledAsync(page);
    }

    /// <summary>Waits for transitions in flight (a dialog fading in), so that axe measures contrast on the colours a reader sees; one cancelled midway is over too.</summary>
    private static Task SettledAsync(IPage page) =>
        page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => isFinite(a.effect?.getTiming().iterations ?? 1)).map(a => a.finished.catch(() => null)))");

    private static async Task<List<string>> AxeAsync(IPage page, string where)
    {
        var result = await page.RunAxe(WcagAA);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{v.Impact} {v.Id} at {n.Target} on {where}: {v.Help} ({Checks(n)}) {n.Html}"))
            .ToList();
    }

    private static string Checks(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
}
