using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Features.Store;
using QuotaDashboard.Features;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

[Trait("Store", "Sqlite")]
public sealed class StoreBackupTests : StoreAndBackupFile
{
    private static readonly DateOnly Month = new(2025, 12, 1);

    private async Task<int> SaveMoreAsync(string region, int extra)
    {
        var input = await StoredReports.CurrentInputAsync(Store, region, Month);
        var saved = Assert.IsType<SaveResult.Saved>(await Store.Get<ReportCommands>().SaveAsync(input.WithExtra(extra), TestUsers.Analyst("backup.writer@test.kz"), null));
        return saved.Version;
    }

    [Fact]
    public async Task A_backup_taken_while_reports_are_saved_restores_to_an_identical_store()
    {
        string[] regions;
        await using (var db = Store.CreateContext())
        {
            regions = await db.Reports.Where(r => r.Month == Month).Select(r => r.RegionCode).OrderBy(c => c).ToArrayAsync();
        }
        using var stop = new CancellationTokenSource();
        var saves = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var done = Volatile.Read(ref saves);
                await SaveMoreAsync(regions[done % regions.Length], done + 1);
                Interlocked.Increment(ref saves);
            }
        });
        while (Volatile.Read(ref saves) < 3)
        {
            await Task.Delay(10);
        }

        var written = Assert.IsType<BackupResult.Written>(await Store.Get<StoreBackup>().BackupToAsync(BackupFile));
        var savesAtBackup = Volatile.Read(ref saves);
        while (Volatile.Read(ref saves) < savesAtBackup + 3)
        {
            await Task.Delay(10);
        }
        await stop.CancelAsync();
        await writer;

        Assert.Equal(new FileInfo(BackupFile).Length, written.Bytes);
        Assert.False(File.Exists(BackupFile + "-wal"), "The backup is one file, not a database that wants its write-ahead log.");
        var backedUp = StoreTables.Dump(BackupFile);
        Assert.NotEqual(backedUp, StoreTables.Dump(Store.File));

        var restored = Assert.IsType<BackupResult.Written>(await Store.Get<StoreBackup>().RestoreFromAsync(BackupFile));

        Assert.Equal(BackupFile, restored.File);
        Assert.Equal(backedUp, StoreTables.Dump(Store.File));
        // The restored store is one moment of the store: every report's accepted revision is there, with its lines.
        Assert.Equal(["ok"], StoreTables.Column(Store.File, "PRAGMA integrity_check;"));
        Assert.Empty(StoreTables.Column(Store.File, "PRAGMA foreign_key_check;"));
        Assert.Empty(StoreTables.Column(Store.File,
            "SELECT r.Id FROM Reports r WHERE r.CurrentRevisionId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Revisions v WHERE v.Id = r.CurrentRevisionId);"));
        await using (var db = Store.CreateContext())
        {
            Assert.True(await db.Reports.AnyAsync());
        }
    }

    [Fact]
    public async Task Restoring_a_backup_undoes_what_was_written_after_it()
    {
        Assert.IsType<BackupResult.Written>(await Store.Get<StoreBackup>().BackupToAsync(BackupFile));
        var before = StoreTables.Count(Store.File, "Revisions");
        await SaveMoreAsync("KZ-75", 40);
        Assert.Equal(before + 1, StoreTables.Count(Store.File, "Revisions"));

        Assert.IsType<BackupResult.Written>(await Store.Get<StoreBackup>().RestoreFromAsync(BackupFile));

        Assert.Equal(before, StoreTables.Count(Store.File, "Revisions"));
        Assert.Equal(StoreTables.Dump(BackupFile), StoreTables.Dump(Store.File));
        // The restored store works as before: the next save is taken.
        await SaveMoreAsync("KZ-75", 41);
        Assert.Equal(before + 1, StoreTables.Count(Store.File, "Revisions"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_of_the_store_changes_nothing()
    {
        var before = StoreTables.Dump(Store.File);
        await File.WriteAllTextAsync(BackupFile, "region,month,total\nKZ-75,2025-12,1\n");

        var refused = Assert.IsType<BackupResult.Refused>(await Store.Get<StoreBackup>().RestoreFromAsync(BackupFile));
        var missing = Assert.IsType<BackupResult.Refused>(await Store.Get<StoreBackup>().RestoreFromAsync(BackupFile + ".missing"));

        Assert.Equal(StoreProblems.NotABackup, refused.Problem.Code);
        Assert.Equal(StoreProblems.NoSuchFile, missing.Problem.Code);
        Assert.Equal(before, StoreTables.Dump(Store.File));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_that_exists()
    {
        await File.WriteAllTextAsync(BackupFile, "kept");

        var refused = Assert.IsType<BackupResult.Refused>(await Store.Get<StoreBackup>().BackupToAsync(BackupFile));

        Assert.Equal(new Problem("file", StoreProblems.TargetExists, [Path.GetFileName(BackupFile)]).Code, refused.Problem.Code);
        Assert.Equal("kept", await File.ReadAllTextAsync(BackupFile));
    }
}
