namespace QuotaDashboard.Tests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DataDirectory => Path.Combine(Root, "data");

    public static string TestOutput { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestOutput")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuotaDashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (the folder of QuotaDashboard.sln) was not found above the test output.");
    }

    /// <summary>A fresh SQLite file name in the temp folder; the caller deletes it.</summary>
    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), $"quota-dashboard-test-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
