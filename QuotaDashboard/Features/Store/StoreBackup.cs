using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Store;

public abstract record BackupResult
{
    public sealed record Written(string File, long Bytes) : BackupResult;

    public sealed record Refused(Problem Problem) : BackupResult;
}

/// <summary>What the backup page shows: whether the store can be copied here, its size, and the latest copies taken.</summary>
public sealed record StoreSummary(bool IsSqlite, long? Bytes, IReadOnlyList<BackupTaken> Latest);

public sealed record BackupTaken(DateTime AtUtc, string User);

public static class StoreProblems
{
    public const string NotSqlite = "store.not_sqlite";
    public const string TargetExists = "store.target_exists";
    public const string NoSuchFile = "store.no_such_file";
    public const string NotABackup = "store.not_a_backup";
    public const string Forbidden = "store.forbidden";
}

/// <summary>
/// Copies of the SQLite store made with SQLite's online backup: a copy is one consistent moment of the store even while
/// reports are being saved, because the backup reads every page under one read transaction.
/// </summary>
public sealed class StoreBackup(IDbContextFactory<QuotaDbContext> factory)
{
    public async Task<StoreSummary> DescribeAsync(string backupAction, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.Audit.AsNoTracking().Where(a => a.Action == backupAction).OrderByDescending(a => a.Id).Take(5)
            .Select(a => new BackupTaken(a.AtUtc, a.User)).ToListAsync(ct);
        if (!db.Database.IsSqlite())
        {
            return new StoreSummary(false, null, latest);
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return new StoreSummary(true, File.Exists(file) ? new FileInfo(file).Length : null, latest);
    }

    /// <summary>Writes a consistent copy of the running store to <paramref name="target"/>, which must not exist yet.</summary>
    public async Task<BackupResult> BackupToAsync(string target, CancellationToken ct = default)
    {
        if (File.Exists(target))
        {
            return new BackupResult.Refused(new Problem("file", StoreProblems.TargetExists, [Path.GetFileName(target)]));
        }
        if (await StoreConnectionAsync(ct) is not { } store)
        {
            return new BackupResult.Refused(new Problem("store", StoreProblems.NotSqlite));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        await using (store)
        await using (var copy = Open(target))
        {
            await store.OpenAsync(ct);
            await copy.OpenAsync(ct);
            store.BackupDatabase(copy);
            // One self-contained file: a copy left in WAL mode would want its -wal and -shm files beside it.
            await Execute(copy, "PRAGMA journal_mode=DELETE;", ct);
        }
        return new BackupResult.Written(target, new FileInfo(target).Length);
    }

    /// <summary>
    /// Replaces the whole store with a backup. Meant for a stopped app (the command line); the backup is checked first, and a
    /// file that is not a sound backup of this product changes nothing.
    /// </summary>
    public async Task<BackupResult> RestoreFromAsync(string backup, CancellationToken ct = default)
    {
        if (!File.Exists(backup))
        {
            return new BackupResult.Refused(new Problem("file", StoreProblems.NoSuchFile, [Path.GetFileName(backup)]));
        }
        if (await StoreConnectionAsync(ct) is not { } store)
        {
            return new BackupResult.Refused(new Problem("store", StoreProblems.NotSqlite));
        }
        await using (store)
        await using (var source = Open(backup, readOnly: true))
        {
            if (!await IsBackupAsync(source, ct))
            {
                return new BackupResult.Refused(new Problem("file", StoreProblems.NotABackup, [Path.GetFileName(backup)]));
            }
            await store.OpenAsync(ct);
            source.BackupDatabase(store);
        }
        return new BackupResult.Written(backup, new FileInfo(backup).Length);
    }

    private async Task<SqliteConnection?> StoreConnectionAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return db.Database.IsSqlite() ? new SqliteConnection(db.Database.GetConnectionString()) : null;
    }

    // Not pooled: a pooled connection would keep the copy's file open after the copy is handed over.
    private static SqliteConnection Open(string file, bool readOnly = false) => new(new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Pooling = false,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
    }.ToString());

    private static async Task<bool> IsBackupAsync(SqliteConnection source, CancellationToken ct)
    {
        try
        {
            await source.OpenAsync(ct);
            await using var check = source.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync(ct) as string != "ok")
            {
                return false;
            }
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Reports', 'Revisions');";
            return Convert.ToInt32(await check.ExecuteScalarAsync(ct)) == 3;
        }
        catch (SqliteException)
        {
            // Not a database at all ("file is not a database"), or one that cannot be read.
            return false;
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
