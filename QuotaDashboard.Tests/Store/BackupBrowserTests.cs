using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

/// <summary>The backup page in Chromium, as an administrator uses it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BackupBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task An_administrator_downloads_a_backup_from_the_menu_and_sees_it_among_the_latest()
    {
        var page = await browser.SignedInPageAsync(Roles.Administrator);
        await page.GotoAsync("/culture/set?culture=ru&redirectUri=/admin/tokens");
        await page.GetByRole(AriaRole.Link, new() { Name = "Резервная копия" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Резервная копия", Level = 1 })).ToBeVisibleAsync();
        // The app is shared with the collection's other tests, so the list may already hold copies: only the new one is checked.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Скачать резервную копию" })).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Скачать резервную копию" }).ClickAsync());

        Assert.Matches(@"^quota-dashboard-\d{8}-\d{6}\.db$", download.SuggestedFilename);
        var file = Path.Combine(RepositoryPaths.TestOutput, $"backup-{Guid.NewGuid():N}.db");
        await download.SaveAsAsync(file);
        try
        {
            Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 16));
            Assert.True(StoreTables.Count(file, "Reports") > 0);
        }
        finally
        {
            RepositoryPaths.DeleteDatabase(file);
        }
        Assert.EndsWith("/admin/backup", page.Url);

        await page.ReloadAsync();
        var latest = page.GetByRole(AriaRole.Table, new() { Name = "Последние копии" });
        await Assertions.Expect(latest.GetByRole(AriaRole.Cell, new() { Name = BrowserFixture.Demo(Roles.Administrator).Email })).ToBeVisibleAsync();
    }
}
