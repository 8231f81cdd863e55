using Npgsql;
using QuotaDashboard.Data;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>
/// A fresh, empty store for one test: a SQLite file by default, or a PostgreSQL database when <c>QUOTA_TEST_STORE=PostgreSQL</c>
/// runs the data, feature and HTTP tests against PostgreSQL. Tests about PostgreSQL itself ask for <see cref="PostgreSql"/>.
/// </summary>
public sealed class TestStore : IDisposable
{
    public const string ProviderVariable = "QUOTA_TEST_STORE";
    public const string ServerVariable = "QUOTA_TEST_POSTGRES";

    private readonly string? _file;

    private TestStore(StoreSettings settings, string? file)
    {
        Settings = settings;
        _file = file;
    }

    public StoreSettings Settings { get; }

    public StoreProvider Provider => Settings.Provider;

    /// <summary>The SQLite file; a test that reads the file itself runs on SQLite only.</summary>
    public string File => _file ?? throw new InvalidOperationException("This test reads the SQLite file itself; it runs on SQLite only.");

    /// <summary>The provider this run's tests use.</summary>
    public static StoreProvider RunProvider { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } named ? Enum.Parse<StoreProvider>(named, ignoreCase: true) : StoreProvider.Sqlite;

    /// <summary>The PostgreSQL server (an account that may create databases), or null where none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public static TestStore New() => RunProvider == StoreProvider.PostgreSQL ? PostgreSql() : Sqlite();

    public static TestStore Sqlite()
    {
        var file = RepositoryPaths.NewDatabaseFile();
        return new TestStore(StoreSettings.SqliteFile(file), file);
    }

    /// <summary>A new database on the test server. Under CI a missing server fails the test; elsewhere it skips it.</summary>
    public static TestStore PostgreSql()
    {
        var server = RequireServer();
        var name = $"quota_test_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }
        return new TestStore(new StoreSettings(StoreProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString), null);
    }

    public static string RequireServer()
    {
        if (Server is { } server)
        {
            return server;
        }
        if (BrowserFixture.IsCi)
        {
            throw new InvalidOperationException($"PostgreSQL tests must run under CI, but {ServerVariable} is not set.");
        }
        Skip.If(true, $"No PostgreSQL server for the tests: set {ServerVariable}, e.g. Host=127.0.0.1;Username=quota;Password=quota");
        return "";
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            RepositoryPaths.DeleteDatabase(_file);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(Settings.ConnectionString).Database;
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Settings.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                drop.ExecuteNonQuery();
                return;
            }
            // The server's autovacuum may be working in the database: not ours to end, so wait for it to finish.
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }
}
