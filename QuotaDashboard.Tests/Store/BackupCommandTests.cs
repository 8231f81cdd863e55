using System.Diagnostics;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

/// <summary>The product's own command line, run as an operator runs it: <c>QuotaDashboard backup|restore &lt;file&gt;</c>.</summary>
[Trait("Store", "Sqlite")]
public sealed class BackupCommandTests : StoreAndBackupFile
{
    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QuotaDashboard.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__QuotaDashboard"] = $"Data Source={Store.File}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["LANG"] = "en_US.UTF-8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Backup_then_restore_from_the_command_line_gives_back_the_store_as_it_was()
    {
        var (exit, output, errors) = await RunAsync("backup", BackupFile);

        Assert.True(exit == 0, errors);
        Assert.Contains(BackupFile, output);
        Assert.Equal(StoreTables.Dump(Store.File), StoreTables.Dump(BackupFile));

        SqliteWrite(Store.File, "DELETE FROM BreakdownLines;");
        Assert.Equal(0, StoreTables.Count(Store.File, "BreakdownLines"));

        (exit, output, errors) = await RunAsync("restore", BackupFile);

        Assert.True(exit == 0, errors);
        Assert.Contains("restored", output);
        Assert.Equal(StoreTables.Dump(BackupFile), StoreTables.Dump(Store.File));
        Assert.NotEqual(0, StoreTables.Count(Store.File, "BreakdownLines"));
    }

    [Fact]
    public async Task A_command_without_its_file_or_onto_a_file_that_exists_says_why_and_writes_nothing()
    {
        var (exit, _, errors) = await RunAsync("backup");

        Assert.Equal(2, exit);
        Assert.Contains("backup <file>", errors);

        await File.WriteAllTextAsync(BackupFile, "kept");
        (exit, _, errors) = await RunAsync("backup", BackupFile);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", errors);
        Assert.Equal("kept", await File.ReadAllTextAsync(BackupFile));
    }

    private static void SqliteWrite(string file, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
