using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Hosting;

/// <summary>The whole app as a deployment runs it: not Development, even with the illustrative data switched on.</summary>
public sealed class ProductionApp : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
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
