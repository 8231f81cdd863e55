using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using QuotaDashboard.Components.Layout;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Accessibility;

/// <summary>axe-core in Chromium on every page, in every language, as everyone who may open it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Languages = ["en", "ru", "kk"];

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Pages every signed-in person can reach besides the menu's: the refusal and the unknown address.</summary>
    private static readonly string[] SignedInExtras = ["/Account/AccessDenied", "/not-found"];

    public static TheoryData<string> AllRoles => [Roles.Administrator, Roles.Analyst, Roles.Manager, Roles.RegionalOfficer];

    [SkippableTheory]
    [MemberData(nameof(AllRoles))]
    public async Task No_page_a_role_may_open_has_a_serious_or_critical_violation_in_any_language(string role)
    {
        var page = await browser.SignedInPageAsync(role);
        var user = TestUsers.User("someone", role, role == Roles.RegionalOfficer ? "KZ-75" : null);
        var paths = AppPages.For(user).Select(p => p.Href).Concat(SignedInExtras).ToList();

        var problems = await CheckAsync(page, role, paths);

        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical violations:\n{string.Join("\n", problems)}");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_sign_in_pages_have_no_serious_or_critical_violation_in_any_language()
    {
        var page = await browser.NewPageAsync();

        var problems = await CheckAsync(page, "anonymous", ["/Account/Login", "/Account/Lockout"]);

        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical violations:\n{string.Join("\n", problems)}");
        await page.Context.CloseAsync();
    }

    private static async Task<List<string>> CheckAsync(IPage page, string role, IReadOnlyList<string> paths)
    {
        List<string> problems = [];
        foreach (var language in Languages)
        {
            foreach (var path in paths)
            {
                await page.GotoAsync($"/culture/set?culture={language}&redirectUri={Uri.EscapeDataString(path)}");
                await page.WaitForLoadStateAsync(LoadState.Load);
                await WaitForChartsAsync(page);
                var result = await page.RunAxe(WcagAA);
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    foreach (var node in violation.Nodes)
                    {
                        problems.Add($"{violation.Impact} {violation.Id} at {node.Target} on {path} as {role} in {language}: {violation.Help}");
                    }
                }
            }
        }
        return problems;
    }

    /// <summary>Where a page has charts, waits until every one has been drawn, so that axe sees the page as a reader does.</summary>
    private static async Task WaitForChartsAsync(IPage page)
    {
        var charts = page.Locator("canvas[data-chart]");
        var count = await charts.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await Assertions.Expect(charts.Nth(i)).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 15_000 });
        }
    }
}
