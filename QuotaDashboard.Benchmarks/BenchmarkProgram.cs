namespace QuotaDashboard.Benchmarks;

public static class BenchmarkProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var root = RepositoryRoot();
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"quota-bench-{Guid.NewGuid():N}")).FullName;
        try
        {
            var last = DateOnly.FromDateTime(DateTime.UtcNow);
            last = new DateOnly(last.Year, last.Month, 1);
            var stores = new List<GeneratedStore>();
            foreach (var years in quick ? new[] { 1 } : [1, 10, 50])
            {
                var store = await StoreGenerator.CreateAsync(years, work, Path.Combine(root, "data"), last);
                Console.WriteLine($"store {years} y: {store.Reports} reports, {store.Lines} lines, {store.Elapsed.TotalSeconds:0.0} s, {store.Bytes / 1048576.0:0.0} MiB");
                stores.Add(store);
            }
            var subjects = new Dictionary<int, AggregationSubject>();
            foreach (var store in stores)
            {
                var subject = new AggregationSubject(store);
                await subject.AssertEqualAsync();
                subjects[store.Years] = subject;
            }
            AggregationBenchmarks.Subjects = subjects;
            var times = quick ? await AggregationBenchmarks.MinOfAsync(5) : AggregationBenchmarks.Run(Path.Combine(work, "artifacts"));
            foreach (var t in times)
            {
                Console.WriteLine($"{t.Years} y {t.Case}: app {t.AppMs:0.00} ms, sql {t.SqlMs:0.00} ms, x{t.Ratio:0.0}");
            }
            foreach (var s in subjects.Values)
            {
                await s.DisposeAsync();
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuotaDashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (the folder of QuotaDashboard.sln) was not found above the benchmark's output.");
    }
}
