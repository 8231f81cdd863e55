using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>
/// Two instances of the whole app on one fresh PostgreSQL database, each on a loopback port of its own and naming itself in
/// <see cref="InstanceHeader"/>. A starts first (it migrates and seeds), then B. Dispose stops both and drops the database.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public const string InstanceHeader = "X-Test-Instance";

    private TwoInstances(TestStore store) => Store = store;

    public TestStore Store { get; }

    public SharedStoreInstance A { get; private set; } = null!;

    public SharedStoreInstance B { get; private set; } = null!;

    /// <param name="environment">Development, or Production with the demonstration accounts switched on so people can sign in.</param>
    public static TwoInstances Start(string environment)
    {
        var instances = new TwoInstances(TestStore.PostgreSql());
        try
        {
            instances.A = new SharedStoreInstance("A", instances.Store.Settings, environment);
            instances.A.Start();
            instances.B = new SharedStoreInstance("B", instances.Store.Settings, environment);
            instances.B.Start();
            return instances;
        }
        catch
        {
            instances.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public SharedStoreInstance Named(string name) => name == "A" ? A : name == "B" ? B : throw new ArgumentException($"No instance {name}.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (B is not null)
            {
                await B.DisposeAsync();
            }
            if (A is not null)
            {
                await A.DisposeAsync();
            }
        }
        finally
        {
            Store.Dispose();
        }
    }

    /// <summary>Why browser tests cannot run here, outside CI; under CI a missing Chromium fails them.</summary>
    public static string? MissingChromium() =>
        File.Exists(BrowserFixture.ChromiumPath) ? null
        : BrowserFixture.IsCi ? throw new InvalidOperationException($"Browser tests must run under CI, but {BrowserFixture.ChromiumPath} is missing: apt-get install -y chromium")
        : $"Chromium is not installed at {BrowserFixture.ChromiumPath}; install it with: sudo apt-get install -y chromium";

    /// <summary>Debian's Chromium through Playwright; skips outside CI where it is missing, fails under CI.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync()
    {
        var missing = MissingChromium();
        Skip.If(missing is not null, missing);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return (playwright, browser);
    }
}

/// <summary>One instance of the app on a store it shares with others, on a free loopback port.</summary>
public sealed class SharedStoreInstance(string name, StoreSettings store, string environment) : WebApplicationFactory<Program>
{
    public string Name { get; } = name;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:QuotaDashboard", store.ConnectionString);
        builder.UseSetting(StoreSettings.ProviderKey, store.Provider.ToString());
        builder.UseSetting("Seed:DataDirectory", RepositoryPaths.DataDirectory);
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // A published app carries its static assets; a test runs from the build output, which finds them only through this.
        builder.UseStaticWebAssets();
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter>(_ => new NamesItself(Name)));
    }

    public Uri Start()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Address;
    }

    private sealed class NamesItself(string name) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Response.Headers[TwoInstances.InstanceHeader] = name;
                return following(context);
            });
            next(app);
        };
    }
}
