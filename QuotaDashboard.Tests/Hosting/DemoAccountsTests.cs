using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Hosting;

/// <summary>
/// The whole app as a deployment runs it: not Development, even with the illustrative data switched on, reached over HTTPS
/// (directly or through its proxy), whose cookies are sent over nothing else. <paramref name="demoAccounts"/> is an operator's
/// explicit Seed:DemoAccounts=true, for a training copy; <paramref name="httpsPort"/> is the HTTPS port it redirects plain HTTP to;
/// <paramref name="settings"/> are more of the operator's settings.
/// </summary>
public sealed class ProductionApp : AppFactory
{
    private readonly bool _demoAccounts;
    private readonly int? _httpsPort;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public ProductionApp(bool demoAccounts = false, int? httpsPort = null, string host = "localhost",
        IReadOnlyDictionary<string, string>? settings = null)
    {
        (_demoAccounts, _httpsPort, _settings) = (demoAccounts, httpsPort, settings ?? new Dictionary<string, string>());
        ClientOptions.BaseAddress = new Uri($"https://{host}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        if (_demoAccounts)
        {
            builder.UseSetting("Seed:DemoAccounts", "true");
        }
        if (_httpsPort is { } port)
        {
            builder.UseSetting("https_port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

public sealed class DemoAccountsTests
{
    [Fact]
    public async Task Outside_development_no_demonstration_account_exists_even_beside_the_illustrative_data()
    {
        await using var app = new ProductionApp();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var account in AccountSeeder.DemoAccounts)
        {
            Assert.Null(await users.FindByEmailAsync(account.Email));
        }
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Reports.AnyAsync(r => r.IsIllustrative), "The illustrative data was not seeded, so the test proves nothing.");
    }

    [Fact]
    public async Task In_development_the_demonstration_accounts_exist_beside_the_illustrative_data()
    {
        await using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var account in AccountSeeder.DemoAccounts)
        {
            Assert.NotNull(await users.FindByEmailAsync(account.Email));
        }
    }
}

public sealed class DemoAccountSignInTests
{
    [Fact]
    public async Task In_production_no_demonstration_account_can_sign_in()
    {
        await using var app = new ProductionApp();

        foreach (var account in AccountSeeder.DemoAccounts)
        {
            var (status, location) = await SignedInClients.TrySignInAsync(app, account.Email, account.Password);
            Assert.False(status == System.Net.HttpStatusCode.Redirect && !location!.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
                $"{account.Email} signed in to a production start.");
        }
    }

    [Fact]
    public async Task In_production_the_demonstration_accounts_exist_only_when_asked_for_by_setting()
    {
        await using var app = new ProductionApp(demoAccounts: true);
        var admin = BrowserFixture.Demo(Roles.Administrator);

        var (status, location) = await SignedInClients.TrySignInAsync(app, admin.Email, admin.Password);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, status);
        Assert.DoesNotContain("/Account/Login", location, StringComparison.OrdinalIgnoreCase);
    }
}
