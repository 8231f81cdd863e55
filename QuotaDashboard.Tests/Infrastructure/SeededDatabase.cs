using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>A real SQLite file, migrated and seeded from the repository's data/ folder, with the product's services over it.</summary>
public class SeededDatabase : IAsyncLifetime
{
    private ServiceProvider? _services;

    public string File { get; } = RepositoryPaths.NewDatabaseFile();

    protected virtual bool IllustrativeData => true;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddQuotaDashboardCore($"Data Source={File}");
        services.Configure<SeedOptions>(o =>
        {
            o.DataDirectory = RepositoryPaths.DataDirectory;
            o.IllustrativeData = IllustrativeData;
            o.DemoAccounts = true;
        });
        _services = services.BuildServiceProvider();
        await _services.InitializeStoreAsync();
    }

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public QuotaDbContext CreateContext() => Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContext();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        RepositoryPaths.DeleteDatabase(File);
    }
}

public sealed class NationalOnlyDatabase : SeededDatabase
{
    protected override bool IllustrativeData => false;
}
