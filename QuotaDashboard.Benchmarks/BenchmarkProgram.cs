using System.Diagnostics;
using System.Globalization;
using System.Net;
using QuotaDashboard.Data.Seeding;

namespace QuotaDashboard.Benchmarks;

/// <summary>
/// <c>--full</c>: stores of 1, 10 and 50 years, BenchmarkDotNet, 50/100/200/500 dashboards, 10 cold loads in Chromium, 100
/// dashboards on a second instance on PostgreSQL (<see cref="CrossInstance.ServerVariable"/>).
/// <c>--quick</c>: a 1-year store, the fastest of 5 calls, 5 dashboards, 2 cold loads, 5 dashboards on a second instance when
/// PostgreSQL is given; fails when a dashboard misses the change.
/// The full run writes bench/results/latest.md and latest.png, the smoke run quick.md and quick.png beside them.
/// <c>--live-only [N,N,…]</c>: only the dashboards' part over a 1-year store (100 and 500 unless told), printed, nothing written;
/// fails like the smoke run.
/// </summary>
public static class BenchmarkProgram
{
    /// <summary>The argument that makes this program the clients' process of a memory measure (see <see cref="LiveFanOut.MeasureApartAsync"/>).</summary>
    public const string HoldCircuits = "--hold-circuits";

    private const string Usage = "Usage: dotnet run -c Release --project QuotaDashboard.Benchmarks -- --full | --quick | --live-only [N,N,…]";

    public static async Task<int> Main(string[] args)
    {
        if (args is [HoldCircuits, var address, var count, var total, var seconds])
        {
            return await LiveFanOut.HoldCircuitsAsync(new Uri(address), int.Parse(count, CultureInfo.InvariantCulture),
                long.Parse(total, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)));
        }
        var quick = args.Contains("--quick");
        var liveOnly = Array.IndexOf(args, "--live-only");
        int[] liveCounts = [100, 500];
        if (liveOnly >= 0 && liveOnly + 1 < args.Length && !args[liveOnly + 1].StartsWith("--", StringComparison.Ordinal))
        {
            try
            {
                liveCounts = [.. args[liveOnly + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
            }
            catch (FormatException)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }
        if (!quick && !args.Contains("--full") && liveOnly < 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        try
        {
            return liveOnly >= 0 ? await RunLiveOnlyAsync(liveCounts) : await RunAsync(quick);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Benchmark failed: {ex}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(bool quick)
    {
        var total = Stopwatch.StartNew();
        var root = RepositoryRoot();
        var dataDirectory = Path.Combine(root, "data");
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"quota-bench-{Guid.NewGuid():N}")).FullName;
        var timeout = TimeSpan.FromSeconds(quick ? 30 : 120);
        try
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var last = new DateOnly(today.Year, today.Month, 1);
            var stores = new List<GeneratedStore>();
            foreach (var years in quick ? new[] { 1 } : [1, 10, 50])
            {
                var store = await StoreGenerator.CreateAsync(years, work, dataDirectory, last);
                Console.WriteLine($"store of {years} y: {store.Reports} reports, {store.Lines} lines, {store.Elapsed.TotalSeconds:0.0} s, {store.Bytes / 1048576.0:0.0} MiB");
                stores.Add(store);
            }

            var subjects = new Dictionary<int, AggregationSubject>();
            foreach (var store in stores)
            {
                var subject = new AggregationSubject(store);
                await subject.AssertEqualAsync();
                subjects[store.Years] = subject;
            }
            Console.WriteLine("aggregation: the query services and the hand-written SQL give the same answers");
            AggregationBenchmarks.Subjects = subjects;
            var times = quick ? await AggregationBenchmarks.MinOfAsync(5) : AggregationBenchmarks.Run(Path.Combine(work, "artifacts"));
            foreach (var t in times)
            {
                Console.WriteLine($"aggregation {t.Years} y, {t.Case}: app {t.AppMs:0.00} ms, SQL {t.SqlMs:0.00} ms, ×{t.Ratio:0.0}");
            }
            foreach (var s in subjects.Values)
            {
                await s.DisposeAsync();
            }

            var liveStore = stores[0];
            var (saveAlone, fanOut, memory, firstChart) = await LiveAsync(liveStore, work, dataDirectory,
                counts: quick ? [5] : [50, 100, 200, 500], memoryAt: quick ? [5] : [100, 500], saves: quick ? 3 : 5, measureFirstChart: true, quick, timeout);
            var acrossInstances = await CrossInstance.MeasureAsync(dataDirectory, liveStore.LastMonth, dashboards: quick ? 5 : CrossInstanceDashboards,
                saves: quick ? 3 : 5, required: !quick, timeout);

            var results = new BenchmarkResults(
                quick ? "quick" : "full",
                $"dotnet run -c Release --project QuotaDashboard.Benchmarks -- {(quick ? "--quick" : "--full")}",
                stores, times,
                quick ? "Fastest of 5 calls after one warm-up call (Stopwatch)." : "Median per call, BenchmarkDotNet 0.15.8 in-process (2 warm-up and 6 measured iterations of ≥ 120 ms).",
                liveStore.Years, SavesAlone, saveAlone, fanOut, memory, firstChart, acrossInstances,
                $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", total.Elapsed);
            var output = Directory.CreateDirectory(Path.Combine(root, "bench", "results")).FullName;
            // The smoke run keeps its own files, so that running it never replaces the committed full results.
            var name = quick ? "quick" : "latest";
            var markdown = Results.Markdown(results);
            await File.WriteAllTextAsync(Path.Combine(output, $"{name}.md"), markdown);
            Results.Plot(results, Path.Combine(output, $"{name}.png"));
            Console.WriteLine();
            Console.WriteLine(Results.GoalsTable(markdown));
            Console.WriteLine($"wrote bench/results/{name}.md and {name}.png in {total.Elapsed.TotalMinutes:0.0} min");

            return Missed(acrossInstances.FanOut is { } across ? [.. fanOut, across] : fanOut, timeout);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunLiveOnlyAsync(int[] counts)
    {
        var root = RepositoryRoot();
        var dataDirectory = Path.Combine(root, "data");
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"quota-bench-{Guid.NewGuid():N}")).FullName;
        var timeout = TimeSpan.FromSeconds(120);
        try
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var store = await StoreGenerator.CreateAsync(1, work, dataDirectory, new DateOnly(today.Year, today.Month, 1));
            var (_, fanOut, _, _) = await LiveAsync(store, work, dataDirectory, counts, memoryAt: counts, saves: 5, measureFirstChart: false, quick: true, timeout);
            return Missed(fanOut, timeout);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static int Missed(IReadOnlyList<FanOutResult> fanOut, TimeSpan timeout)
    {
        var missed = fanOut.Sum(f => f.Missed);
        if (missed > 0)
        {
            Console.Error.WriteLine($"{missed} dashboard(s) never received a change within {timeout.TotalSeconds:0} s.");
            return 1;
        }
        return 0;
    }

    private const int SavesAlone = 5;

    /// <summary>Dashboards open on instance B while A saves, in the full run.</summary>
    private const int CrossInstanceDashboards = 100;

    /// <summary>How many saves with no dashboard open are taken just before the dashboards open, and as many just after they close.</summary>
    private const int AloneAround = 3;

    private static async Task<(double SaveAlone, List<FanOutResult> FanOut, List<MemoryResult> Memory, FirstChartResult FirstChart)> LiveAsync(
        GeneratedStore store, string work, string dataDirectory, int[] counts, int[] memoryAt, int saves, bool measureFirstChart, bool quick, TimeSpan timeout)
    {
        using var app = new LiveApp(store, work, dataDirectory);
        var baseAddress = app.Start();
        var password = AccountSeeder.DemoAccounts.Single(a => a.Email == LiveApp.Analyst).Password;
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, MaxConnectionsPerServer = 16 };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        await LiveApp.SignInAsync(http, LiveApp.Analyst, password);
        var fan = new LiveFanOut(app, http, cookies, timeout);

        // Warm the page, the circuit code paths and the save before anything is timed.
        await LiveFanOut.CloseAsync(await fan.OpenAsync(2, 2));
        var saveAlone = Median(await fan.SaveWithoutDashboardsAsync(SavesAlone, warm: true));
        Console.WriteLine($"save with no dashboard open: {saveAlone:0} ms (median of {SavesAlone})");

        var fanOut = new List<FanOutResult>();
        var memory = new List<MemoryResult>();
        foreach (var count in counts)
        {
            (long Server, long ServerAfterChange, long Clients)? apart = null;
            if (memoryAt.Contains(count))
            {
                apart = await fan.MeasureApartAsync(count);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            // The baseline of these saves: saves with none open, just before the dashboards open and just after they close.
            var alone = await fan.SaveWithoutDashboardsAsync(AloneAround, warm: false);
            var before = SettledHeap();
            var result = await fan.OpenSaveAndCloseAsync(count, alone, saves, whileIdle: () =>
            {
                if (apart is var (server, serverAfterChange, clientBytes))
                {
                    var m = new MemoryResult(count, server, serverAfterChange, clientBytes, SettledHeap() - before);
                    memory.Add(m);
                    Console.WriteLine($"{count} idle dashboards, KiB each: app {m.ServerBytesPerCircuit / 1024.0:0} (clients apart; {m.ServerAfterChangeBytesPerCircuit / 1024.0:0} once each has shown a change), headless clients {m.ClientBytesPerCircuit / 1024.0:0}, both in one process {m.InOneProcessBytesPerCircuit / 1024.0:0}");
                }
            });
            await Task.Delay(TimeSpan.FromSeconds(1));
            alone.AddRange(await fan.SaveWithoutDashboardsAsync(AloneAround, warm: false));
            fanOut.Add(result);
            Console.WriteLine($"{count} dashboards: save median {result.SaveMs:0} ms of {result.SavesMs.Count} ({Join(result.SavesMs)}; GC paused it {result.SaveGcPauseMs:0.0} ms) " +
                $"against {result.SaveAloneMs:0} ms with none open around them ({Join(alone)}); " +
                $"until updated p50 {result.P50Ms:0} / p95 {result.P95Ms:0} / max {result.MaxMs:0} ms; CPU {result.CpuMsPerDashboard:0.00} ms per dashboard; missed {result.Missed}; opened in {result.OpenSeconds:0.0} s");
        }

        FirstChartResult firstChart;
        if (!measureFirstChart)
        {
            firstChart = new FirstChartResult(0, double.NaN, double.NaN, double.NaN, "not asked for");
        }
        else if (!FirstChart.ChromiumInstalled)
        {
            var why = $"no Chromium at {FirstChart.ChromiumPath} (install it with: apt-get install -y chromium)";
            if (!quick)
            {
                throw new InvalidOperationException($"The full run measures the first chart in Chromium, but there is {why}.");
            }
            Console.WriteLine($"first chart: skipped, {why}");
            firstChart = new FirstChartResult(0, double.NaN, double.NaN, double.NaN, why);
        }
        else
        {
            var loads = await FirstChart.MeasureAsync(baseAddress, LiveApp.Analyst, password, quick ? 2 : 10, timeout);
            firstChart = new FirstChartResult(loads.Count, Median(loads), loads.Min(), loads.Max(), null);
            Console.WriteLine($"first chart drawn: median {firstChart.MedianMs:0} ms of {loads.Count}");
        }
        return (saveAlone, fanOut, memory, firstChart);
    }

    private static string Join(IEnumerable<double> ms) => string.Join(", ", ms.Select(t => t.ToString("0", CultureInfo.InvariantCulture)));

    internal static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
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
