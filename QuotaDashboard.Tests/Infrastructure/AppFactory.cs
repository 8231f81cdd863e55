using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>The whole application over a fresh store (see <see cref="TestStore"/>); <see cref="StartKestrel"/> puts it on a real port for a browser.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public TestStore Store { get; } = TestStore.New();

    /// <summary>The SQLite file, for tests that read it themselves (SQLite only).</summary>
    public string DatabaseFile => Store.File;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:QuotaDashboard", Store.Settings.ConnectionString);
        builder.UseSetting(QuotaDashboard.Data.StoreSettings.ProviderKey, Store.Provider.ToString());
        builder.UseSetting("Seed:DataDirectory", RepositoryPaths.DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A client that calls the API with a read-only token issued for the role (and an officer's region).</summary>
    public HttpClient CreateClientWithToken(string role, string? region = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IssueToken(role, region));
        return client;
    }

    public string IssueToken(string role, string? region = null)
    {
        using var scope = Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<QuotaDashboard.Features.Access.ApiTokenService>();
        return tokens.IssueAsync($"test {role} {Guid.NewGuid():N}", role, region, TestUsers.Administrator()).GetAwaiter().GetResult() is QuotaDashboard.Features.Access.TokenIssueResult.Issued issued
            ? issued.Token.Secret
            : throw new InvalidOperationException("The test token was refused.");
    }

    /// <summary>Starts the app on a free loopback port and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Store.Dispose();
        }
    }
}
