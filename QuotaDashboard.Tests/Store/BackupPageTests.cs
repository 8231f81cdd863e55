using Bunit;
using QuotaDashboard.Components.Pages.Admin;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

/// <summary>Runs on each store the suite runs on: the page tells how to back up and restore the store the app has.</summary>
public sealed class BackupPageTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_page_offers_what_backs_up_and_restores_the_store_the_app_runs_on()
    {
        await using var context = PageContext.Create(store, "admin@test.kz", Roles.Administrator);

        var cut = context.Render<BackupPage>();

        cut.WaitForAssertion(() => Assert.Contains("Latest backups", cut.Markup));
        var restore = cut.Find("section[aria-labelledby=restore-heading]").TextContent;
        if (store.Store.Provider == StoreProvider.PostgreSQL)
        {
            Assert.Empty(cut.FindAll("a.backup-download"));
            Assert.Contains("pg_dump", cut.Find("section[aria-labelledby=download-heading]").TextContent);
            Assert.Contains("pg_restore", restore);
            Assert.DoesNotContain("-- restore", restore);
        }
        else
        {
            Assert.Single(cut.FindAll("a.backup-download"));
            Assert.Contains("dotnet run --project QuotaDashboard -- restore <file>", restore);
            Assert.DoesNotContain("pg_restore", cut.Markup);
        }
    }
}
