using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Data;

/// <summary>What the store itself holds, read with plain SQL rather than through the model.</summary>
public static partial class StoreTables
{
    public const string MigrationsHistory = "__EFMigrationsHistory";

    /// <summary>EF Core's lock table for SQLite migrations: present, and empty once a migration is done.</summary>
    public const string MigrationsLock = "__EFMigrationsLock";

    public static async Task<IReadOnlyList<string>> NamesAsync(QuotaDbContext db) =>
        await QueryAsync(db, db.Database.IsNpgsql()
                ? "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\""
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            r => r.GetString(0));

    /// <summary>The number of rows of every table of the file, by table name.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync(QuotaDbContext db)
    {
        var counts = new List<(string, long)>();
        foreach (var table in await NamesAsync(db))
        {
            // The name comes from the store's catalogue, not from input.
            var rows = (await QueryAsync(db, $"SELECT COUNT(*) FROM \"{table}\"", r => r.GetInt64(0))).Single();
            counts.Add((table, rows));
        }
        return counts;
    }

    public static async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync(SeededDatabase store)
    {
        await using var db = store.CreateContext();
        return await CountRowsAsync(db);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(QuotaDbContext db, string sql, Func<DbDataReader, T> map)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync();
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(map(reader));
            }
            return rows;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
