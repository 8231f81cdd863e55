using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Releases;

/// <summary>A store of its own: the releases these tests add move every dashboard's latest month.</summary>
[CollectionDefinition(Name)]
public sealed class RecordBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser, record kept by analysts";
}

[Collection(RecordBrowserCollection.Name)]
public sealed class ReleaseBrowserTests(BrowserFixture browser)
{
    private const string January2026 = """
        As of 1 January 2026, 13,950 foreign citizens were working in Kazakhstan under permits of local executive bodies.
        Of them, 3,650 hold permits of the third category, as specialists.
        The largest number work in construction, 4,870 people.
        Most came from China, 5,410 people.
        """;

    private static ILocator Figure(IPage page, string id) => page.Locator($"#figure-{id}");

    private static async Task PasteAndReadAsync(IPage page, string text)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a release" }).ClickAsync();
        await page.GetByLabel("Published text", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the text" }).ClickAsync();
    }

    [SkippableFact]
    public async Task The_seed_release_text_fills_the_form_with_exactly_its_figures_each_beside_its_sentence()
    {
        var page = await browser.SignedInPageAsync(Roles.Analyst);
        await page.GotoAsync("/releases");

        await PasteAndReadAsync(page, await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.DataDirectory, "ministry-release-2025-12-01.ru.txt")));

        foreach (var row in SeedCsv.Release(SeedCsv.December2025))
        {
            var id = row.Key.Length == 0 ? row.Figure : $"{row.Figure}-{row.Key}";
            await Assertions.Expect(Figure(page, id)).ToHaveValueAsync(row.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId($"sentence-{id}")).Not.ToBeEmptyAsync();
        }
        await Assertions.Expect(page.GetByTestId("sentence-total")).ToContainTextAsync("14 103");
        await Assertions.Expect(page.GetByTestId("sentence-country-CN")).ToContainTextAsync("Китай");
        await Assertions.Expect(page.GetByTestId("disagreements")).ToContainTextAsync("14,105");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "release-read-seed-text.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task An_analyst_reads_a_release_saves_it_and_another_open_dashboard_gains_that_month_without_a_reload()
    {
        var watcher = await browser.SignedInPageAsync(Roles.Manager);
        await watcher.GotoAsync("/");
        await BrowserFixture.WaitForChartAsync(watcher);
        await watcher.EvaluateAsync("() => window.__sameDocument = true");
        var analyst = await browser.SignedInPageAsync(Roles.Analyst);
        await analyst.GotoAsync("/releases");

        await PasteAndReadAsync(analyst, January2026);
        await Assertions.Expect(Figure(analyst, "total")).ToHaveValueAsync("13950");
        await Assertions.Expect(Figure(analyst, "sector-F")).ToHaveValueAsync("4870");
        await analyst.GetByLabel("Published on").FillAsync("2026-01-20");
        await analyst.GetByLabel("Sources (addresses) of every figure").FillAsync("https://www.enbek.gov.kz/ru/news/example-2026-01");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save the release" }).ClickAsync();

        await Assertions.Expect(analyst.GetByTestId("release-saved")).ToContainTextAsync("January 2026");
        await Assertions.Expect(analyst.GetByTestId("release-2026-01-v1")).ToContainTextAsync("current");
        await watcher.GetByLabel("Month").ClickAsync();
        await Assertions.Expect(watcher.GetByRole(AriaRole.Option, new() { Name = "January 2026" })).ToBeVisibleAsync(new() { Timeout = 5_000 });
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The dashboard was reloaded.");
        await watcher.GetByRole(AriaRole.Option, new() { Name = "January 2026" }).ClickAsync();
        await Assertions.Expect(watcher.GetByTestId("headline-workers")).ToHaveTextAsync("13,950");
        await analyst.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "release-saved.png"), FullPage = true });
    }
}
