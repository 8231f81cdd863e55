namespace QuotaDashboard.Data;

public enum StoreProvider { Sqlite, PostgreSQL }

/// <summary>Which database engine holds the store, and where: <c>Database:Provider</c> and the <c>QuotaDashboard</c> connection string.</summary>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";

    public static StoreSettings SqliteFile(string file) => new(StoreProvider.Sqlite, $"Data Source={file}");
}
