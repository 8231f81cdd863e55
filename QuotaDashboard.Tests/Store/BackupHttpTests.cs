using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Store;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

[Trait("Store", "Sqlite")]
public sealed class BackupHttpTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_administrator_downloads_a_backup_that_opens_as_the_store_and_is_audited()
    {
        var client = await _app.SignedInClientAsync(Roles.Administrator);

        var response = await client.GetAsync(StoreEndpoints.DownloadPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^quota-dashboard-\d{8}-\d{6}\.db$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(bytes, 0, 16));
        var copy = RepositoryPaths.NewDatabaseFile();
        try
        {
            await File.WriteAllBytesAsync(copy, bytes);
            await using var db = await _app.Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
            Assert.Equal(await db.Revisions.CountAsync(), StoreTables.Count(copy, "Revisions"));
            Assert.Equal(await db.Users.CountAsync(), StoreTables.Count(copy, "AspNetUsers"));
            var audit = await db.Audit.SingleAsync(a => a.Action == StoreEndpoints.BackupAction);
            Assert.Equal(BrowserFixture.Demo(Roles.Administrator).Email, audit.User);
        }
        finally
        {
            RepositoryPaths.DeleteDatabase(copy);
        }
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.RegionalOfficer)]
    public async Task Nobody_but_an_administrator_gets_a_backup(string role)
    {
        var client = await _app.SignedInClientAsync(role);

        var response = await client.GetAsync(StoreEndpoints.DownloadPath);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_administrators_api_token_does_not_get_a_backup_and_is_told_why_by_a_code()
    {
        var client = _app.CreateClientWithToken(Roles.Administrator);

        var response = await client.GetAsync(StoreEndpoints.DownloadPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(StoreProblems.Forbidden, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(StoreEndpoints.DownloadPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }
}
