using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

/// <summary>A seeded store and the name of a backup file beside it, both deleted after each test.</summary>
public abstract class StoreAndBackupFile : IAsyncLifetime
{
    protected SeededDatabase Store { get; } = new();

    protected string BackupFile { get; } = RepositoryPaths.NewDatabaseFile();

    public Task InitializeAsync() => Store.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        RepositoryPaths.DeleteDatabase(BackupFile);
    }
}
