using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>A real store (a SQLite file, or PostgreSQL where the test run says so), migrated and seeded from the repository's data/ folder, with the product's services over it.</summary>
public class SeededDatabase : IAsyncLifetime
{
    private readonly bool _illustrativeData;
    private ServiceProvider? _services;

    public SeededDatabase() : this(TestStore.New())
    {
    }

    /// <summary>A store on a provider of the test's choosing, for tests that compare the providers.</summary>
    public static SeededDatabase On(TestStore store, bool illustrativeData = true) => new(store, illustrativeData);

    /// <summary>A second instance's services over the same store, which stays the first one's to delete.</summary>
    public SeededDatabase OtherInstance() => new(Store, _illustrativeData) { _ownsStore = false };

    private bool _ownsStore = true;

    // xunit builds class fixtures through their one public constructor.
    protected SeededDatabase(TestStore store, bool illustrativeData = true)
    {
        Store = store;
        _illustrativeData = illustrativeData;
    }

    public TestStore Store { get; }

    /// <summary>The SQLite file, for tests that read it themselves (SQLite only).</summary>
    public string File => Store.File;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddQuotaDashboardCore(Store.Settings);
        services.Configure<SeedOptions>(o =>
        {
            o.DataDirectory = RepositoryPaths.DataDirectory;
            o.IllustrativeData = _illustrativeData;
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
        if (_ownsStore)
        {
            Store.Dispose();
        }
    }
}

public sealed class NationalOnlyDatabase() : SeededDatabase(TestStore.New(), illustrativeData: false);
