using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Releases;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Quota;

/// <summary>A store of its own: the quota these tests enter changes the use every dashboard shows.</summary>
[CollectionDefinition(Name)]
public sealed class QuotaBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser, quota kept by analysts";
}

[Collection(QuotaBrowserCollection.Name)]
public sealed class QuotaBrowserTests(BrowserFixture browser)
{
    /// <summary>Where the screenshots of the quota page are kept for a person to look at.</summary>
    private static readonly string Shots = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shots-quota")).FullName;

    private async Task AddJanuary2026ReleaseAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var asOf = new DateOnly(2026, 1, 1);
        var result = await scope.ServiceProvider.GetRequiredService<ReleaseCommands>().AddAsync(
            new ReleaseInput(asOf, DatePrecision.Day, new DateOnly(2026, 1, 20), [new ReleaseFigureInput(FigureKind.Total, "", 13_950, "https://www.enbek.gov.kz/ru/news/example-2026-01")]),
            TestUsers.Analyst());
        Assert.True(result is ReleaseSaveResult.Saved or ReleaseSaveResult.Invalid, $"{result}");
    }

    /// <summary>The page is drawn before its circuit connects; a click counts only once the history button answers.</summary>
    private static async Task WaitUntilInteractiveAsync(IPage page)
    {
        var history = page.GetByTestId("allocation-history");
        for (var attempt = 0; attempt < 40 && !await history.IsVisibleAsync(); attempt++)
        {
            await page.GetByTestId("allocation-KZ-75").GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
            await page.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(history).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task An_analyst_enters_the_units_of_2026_and_another_open_dashboard_on_january_2026_shows_the_use_without_a_reload()
    {
        browser.RequireBrowser();
        await AddJanuary2026ReleaseAsync();
        var watcher = await browser.SignedInPageAsync(Roles.Manager);
        await watcher.GotoAsync("/?asOf=2026-01");
        await BrowserFixture.WaitForChartAsync(watcher, "regions-by-use");
        await Assertions.Expect(watcher.GetByTestId("headline-workers")).ToHaveTextAsync("13,950");
        await Assertions.Expect(watcher.GetByTestId("headline-use")).Not.ToContainTextAsync("%");
        await watcher.EvaluateAsync("() => window.__sameDocument = true");

        var analyst = await browser.SignedInPageAsync(Roles.Analyst);
        await analyst.GotoAsync("/quota");
        await WaitUntilInteractiveAsync(analyst);
        await Assertions.Expect(analyst.GetByTestId("revision-2025-2")).ToContainTextAsync("day not published");
        await Assertions.Expect(analyst.GetByTestId("labour-force-flag-2025")).ToBeVisibleAsync();
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Correct revision 1 of 2026" }).ClickAsync();
        await analyst.GetByLabel("The units were published").CheckAsync();
        await analyst.Locator("#quota-units").FillAsync("18146");
        await Assertions.Expect(analyst.GetByTestId("form-implied-labour-force")).ToContainTextAsync("7,258,400");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();

        await Assertions.Expect(analyst.GetByTestId("quota-saved")).ToContainTextAsync("Revision 2 of 2026");
        await Assertions.Expect(analyst.GetByTestId("revision-2026-1")).ToContainTextAsync("superseded by revision 2");
        await Assertions.Expect(analyst.GetByTestId("revision-2026-2")).ToContainTextAsync("18,146");
        await Assertions.Expect(watcher.GetByTestId("headline-use")).ToHaveTextAsync("76.9 %", new() { Timeout = 5_000 });
        await Assertions.Expect(watcher.GetByTestId("headline-quota")).ToContainTextAsync("18,146");
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The dashboard was reloaded.");
        await analyst.ScreenshotAsync(new() { Path = Path.Combine(Shots, "quota-en.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task The_allocation_grid_saves_a_changed_cell_shows_the_reserve_and_refuses_a_non_number_beside_its_cell()
    {
        browser.RequireBrowser();
        var analyst = await browser.SignedInPageAsync(Roles.Analyst);
        await analyst.GotoAsync("/quota?year=2025");
        var grid = analyst.GetByTestId("allocation-grid");
        await WaitUntilInteractiveAsync(analyst);
        await Assertions.Expect(grid.GetByTestId("allocation-KZ-75")).ToContainTextAsync("published");

        await analyst.Locator("#allocation-KZ-71").FillAsync("ten");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save the allocations" }).ClickAsync();
        await Assertions.Expect(grid.GetByTestId("allocation-KZ-71")).ToContainTextAsync("whole number");

        await analyst.Locator("#allocation-KZ-71").FillAsync("1 000");
        await Assertions.Expect(grid.GetByTestId("allocation-sum")).ToContainTextAsync("8,074");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save the allocations" }).ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("allocation-result")).ToContainTextAsync("1 allocations saved");
        await Assertions.Expect(grid.GetByTestId("allocation-KZ-71")).ToContainTextAsync("entered by an analyst");
        await Assertions.Expect(grid.GetByTestId("allocation-reserve")).ToContainTextAsync("8,626");
        await grid.ScreenshotAsync(new() { Path = Path.Combine(Shots, "allocations-en.png") });

        await analyst.GotoAsync("/culture/set?culture=ru&redirectUri=/quota?year=2025");
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Квота и распределение" })).ToBeVisibleAsync();
        await Assertions.Expect(analyst.GetByTestId("allocation-grid")).ToContainTextAsync("Нераспределённый резерв");
        await analyst.ScreenshotAsync(new() { Path = Path.Combine(Shots, "quota-ru.png"), FullPage = true });
        await analyst.GetByTestId("allocation-grid").ScreenshotAsync(new() { Path = Path.Combine(Shots, "allocations-ru.png") });
    }
}
