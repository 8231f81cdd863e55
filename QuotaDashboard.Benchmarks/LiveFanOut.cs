using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Reports;

namespace QuotaDashboard.Benchmarks;

/// <summary>
/// Several saves with <paramref name="Dashboards"/> open, each once every dashboard showed the one before: the median save, the
/// percentiles of every dashboard's time over all of them, and the process's CPU time per dashboard per change.
/// <paramref name="AloneMs"/> are saves with no dashboard open just before they opened and just after they closed: every save adds a
/// revision to the same report, and a save takes longer the more revisions its report has, so this is the baseline to compare with.
/// </summary>
public sealed record FanOutResult(int Dashboards, IReadOnlyList<double> SavesMs, IReadOnlyList<double> AloneMs, double P50Ms, double P95Ms, double MaxMs,
    int Missed, double OpenSeconds, double CpuMsPerDashboard, double SaveGcPauseMs)
{
    public double SaveMs => LiveFanOut.Percentile(SavesMs, 0.5);

    public double SaveAloneMs => LiveFanOut.Percentile(AloneMs, 0.5);
}

/// <summary>
/// Managed heap retained by <paramref name="Dashboards"/> idle dashboards: the app's alone (the headless clients in a process of
/// their own) as they open and once each has shown a saved change, the clients' alone (in that process), and both together in one
/// process.
/// </summary>
public sealed record MemoryResult(int Dashboards, long ServerBytes, long ServerAfterChangeBytes, long ClientBytes, long InOneProcessBytes)
{
    public long ServerBytesPerCircuit => ServerBytes / Dashboards;

    public long ServerAfterChangeBytesPerCircuit => ServerAfterChangeBytes / Dashboards;

    public long ClientBytesPerCircuit => ClientBytes / Dashboards;

    public long InOneProcessBytesPerCircuit => InOneProcessBytes / Dashboards;
}

/// <summary>
/// The whole app on a loopback port, signed in as the demo analyst: over a copy of a generated SQLite store, or as one of several
/// instances on a PostgreSQL database they share.
/// </summary>
public sealed partial class LiveApp : WebApplicationFactory<Program>
{
    public const string Analyst = "analyst@demo.quota.kz";
    public const string Officer = "officer.almaty@demo.quota.kz";
    public const string OfficerRegion = "KZ-75";

    private readonly StoreSettings _store;
    private readonly string? _file;
    private readonly string _dataDirectory;

    public LiveApp(GeneratedStore store, string folder, string dataDirectory)
    {
        _file = Path.Combine(folder, $"live-{Guid.NewGuid():N}.db");
        File.Copy(store.File, _file);
        _store = StoreSettings.SqliteFile(_file);
        _dataDirectory = dataDirectory;
        Month = store.LastMonth;
    }

    /// <summary>An instance on a store that others share; the first to start migrates and seeds it.</summary>
    public LiveApp(StoreSettings shared, DateOnly month, string dataDirectory)
    {
        _store = shared;
        _dataDirectory = dataDirectory;
        Month = month;
    }

    public DateOnly Month { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development with the illustrative data is where the demo accounts exist.
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:QuotaDashboard", _store.ConnectionString);
        builder.UseSetting(StoreSettings.ProviderKey, _store.Provider.ToString());
        builder.UseSetting($"{SeedOptions.Section}:{nameof(SeedOptions.DataDirectory)}", _dataDirectory);
        builder.UseSetting($"{SeedOptions.Section}:{nameof(SeedOptions.IllustrativeData)}", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
    }

    public Uri Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return BaseAddress;
    }

    /// <summary>Signs in through the sign-in form, with its antiforgery token, as a person does.</summary>
    public static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var form = await http.GetStringAsync("Account/Login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(fields));
        var home = await http.GetStringAsync("");
        if (!home.Contains("<!--Blazor:", StringComparison.Ordinal) || home.Contains("account-form", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} did not reach the dashboard (HTTP {(int)response.StatusCode}).");
        }
    }

    /// <summary>The nation's workers for the month as the regional reports sum them: what every open dashboard shows.</summary>
    public async Task<long> NationalTotalAsync()
    {
        await using var db = await CreateDbContextAsync();
        var month = Month;
        var latest = await db.Regions
            .Select(g => db.Reports
                .Where(r => r.RegionCode == g.Code && r.Month <= month && r.CurrentRevisionId != null)
                .OrderByDescending(r => r.Month)
                .Select(r => (int?)r.CurrentRevision!.Total)
                .FirstOrDefault())
            .ToListAsync();
        return latest.Sum(total => (long)(total ?? 0));
    }

    /// <summary>The officer's current report of the month with every figure moved by <paramref name="delta"/>, so that it still adds up.</summary>
    private async Task<ReportInput> ChangedReportAsync(int delta)
    {
        await using var db = await CreateDbContextAsync();
        var month = Month;
        var current = await db.Reports
            .Where(r => r.RegionCode == OfficerRegion && r.Month == month)
            .Select(r => r.CurrentRevision!)
            .Select(v => new { v.Total, v.Employers, v.LocalEmployees, Lines = v.Lines.Select(l => new { l.Dimension, l.Key, l.Count }).ToList() })
            .SingleAsync();
        var lines = current.Lines.GroupBy(l => l.Dimension).ToDictionary(g => g.Key,
            g => g.OrderBy(l => l.Key, StringComparer.Ordinal).Select((l, i) => (l.Key, Count: l.Count + (i == 0 ? delta : 0))).ToDictionary(l => l.Key, l => l.Count));
        Dictionary<string, int> Of(Breakdown dimension) => lines.GetValueOrDefault(dimension) ?? [];
        return new ReportInput(OfficerRegion, Month, current.Total + delta, Of(Breakdown.Category), Of(Breakdown.Sector), Of(Breakdown.Country),
            current.Employers, current.LocalEmployees);
    }

    /// <summary>
    /// A report of the month for every region that has none, entered by the analyst through <see cref="ReportCommands"/> (and so
    /// accepted as it is saved): what a store needs before its dashboards show the month.
    /// </summary>
    public async Task FillMonthAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var analyst = await PrincipalAsync(scope, Analyst);
        var commands = scope.ServiceProvider.GetRequiredService<ReportCommands>();
        await using var db = await CreateDbContextAsync();
        var month = Month;
        var category = await db.Categories.OrderBy(c => c.Order).Select(c => c.Key).FirstAsync();
        var sector = await db.Sectors.OrderBy(s => s.Letter).Select(s => s.Letter).FirstAsync();
        var missing = await db.Regions.Where(g => !db.Reports.Any(r => r.RegionCode == g.Code && r.Month == month)).Select(g => g.Code).ToListAsync();
        foreach (var (region, i) in missing.Select((r, i) => (r, i)))
        {
            var total = 1_000 + 37 * i;
            var input = new ReportInput(region, month, total, new Dictionary<string, int> { [category] = total },
                new Dictionary<string, int> { [sector] = total }, new Dictionary<string, int> { ["CN"] = total }, null, null);
            if (await commands.SaveAsync(input, analyst, expectedVersion: null) is not SaveResult.Saved)
            {
                throw new InvalidOperationException($"The report of {region} for {month:yyyy-MM} was refused.");
            }
        }
    }

    private Task<QuotaDbContext> CreateDbContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// The write that every dashboard hears: the officer's report submitted through <see cref="ReportCommands"/>, the path the entry
    /// page takes, and accepted by the analyst through <see cref="ReviewCommands"/>, from which it counts. Returns the latency of both
    /// together and how long the garbage collector paused the process meanwhile.
    /// </summary>
    public async Task<(TimeSpan Elapsed, TimeSpan GcPause)> SaveAsync(int delta)
    {
        var input = await ChangedReportAsync(delta);
        await using var scope = Services.CreateAsyncScope();
        var officer = await PrincipalAsync(scope, Officer);
        var analyst = await PrincipalAsync(scope, Analyst);
        var commands = scope.ServiceProvider.GetRequiredService<ReportCommands>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewCommands>();
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var result = await commands.SaveAsync(input, officer, expectedVersion: null);
        if (result is not SaveResult.Saved saved)
        {
            throw new InvalidOperationException($"The benchmark's save was refused: {result}");
        }
        var decision = await review.AcceptAsync(new RevisionKey(OfficerRegion, Month, saved.RevisionNumber), analyst);
        watch.Stop();
        paused = GC.GetTotalPauseDuration() - paused;
        if (decision is not ReviewResult.Decided)
        {
            throw new InvalidOperationException($"The benchmark's acceptance was refused: {decision}");
        }
        return (watch.Elapsed, paused);
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(AsyncServiceScope scope, string email)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync(await users.FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"The demo account {email} is missing."));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _file is not null)
        {
            StoreGenerator.DeleteFiles(_file);
        }
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"|<input[^>]*name="(?<name>[^"]+)"[^>]*type="hidden"[^>]*value="(?<value>[^"]*)"|<input[^>]*type="hidden"[^>]*value="(?<value>[^"]*)"[^>]*name="(?<name>[^"]+)"|<input[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*type="hidden" """)]
    private static partial Regex HiddenInput();
}

/// <summary>
/// Opens dashboards as real circuits, saves reports, and times each dashboard until its render batch shows the change; measures
/// what idle dashboards retain, with the headless clients in a process of their own so that the app's share is its own.
/// </summary>
public sealed class LiveFanOut(LiveApp app, HttpClient http, CookieContainer cookies, TimeSpan timeout)
{
    // What the clients' process and this one say to each other, a line each.
    private const string OpenLine = "circuits-open";
    private const string ExpectLine = "expect";
    private const string WatchingLine = "watching";
    private const string SeenLine = "seen";
    private const string CloseLine = "close";

    private int _saves;

    /// <summary>The times of <paramref name="saves"/> saves with no dashboard open, after one that warms the path when asked.</summary>
    public async Task<List<double>> SaveWithoutDashboardsAsync(int saves, bool warm)
    {
        if (warm)
        {
            await app.SaveAsync(NextDelta());
        }
        var times = new List<double>();
        for (var i = 0; i < saves; i++)
        {
            times.Add((await app.SaveAsync(NextDelta())).Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>Dashboards on the instance <c>http</c> is signed in to, which need not be the one that saves.</summary>
    public async Task<List<CircuitClient>> OpenAsync(int count, int parallel) =>
        await OpenAsync(http, cookies, http.BaseAddress!, CircuitClient.Needles(await app.NationalTotalAsync()), count, parallel, timeout);

    private static async Task<List<CircuitClient>> OpenAsync(HttpClient http, CookieContainer cookies, Uri baseAddress, byte[][] ready, int count, int parallel, TimeSpan timeout)
    {
        var clients = new List<CircuitClient>();
        var failures = new List<Exception>();
        using var gate = new SemaphoreSlim(parallel);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var client = await CircuitClient.OpenAsync(http, cookies, baseAddress, "", ready, timeout);
                lock (clients)
                {
                    clients.Add(client);
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex);
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        if (failures.Count > 0)
        {
            await CloseAsync(clients);
            throw new AggregateException($"{failures.Count} of {count} dashboards did not open.", failures.Take(3));
        }
        return clients;
    }

    /// <summary>
    /// Opens <paramref name="count"/> dashboards, lets them settle and does <paramref name="whileIdle"/>, then saves and watches as
    /// <see cref="SaveAndWatchAsync"/> does, and closes them.
    /// </summary>
    public async Task<FanOutResult> OpenSaveAndCloseAsync(int count, IReadOnlyList<double> alone, int saves, Action? whileIdle = null)
    {
        var opening = Stopwatch.StartNew();
        var clients = await OpenAsync(count, parallel: 4);
        var openSeconds = opening.Elapsed.TotalSeconds;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            whileIdle?.Invoke();
            return await SaveAndWatchAsync(clients, alone, openSeconds, saves);
        }
        finally
        {
            await CloseAsync(clients);
        }
    }

    /// <summary>
    /// Saves <paramref name="saves"/> times, each once every dashboard has shown the one before and the process is idle again, and
    /// stops early when one misses a change. CPU time is the whole process's (app and clients) from the start of a save until every
    /// dashboard has it and the charts' updates have settled, less what the idle process spends in as long, per dashboard.
    /// </summary>
    private async Task<FanOutResult> SaveAndWatchAsync(List<CircuitClient> clients, IReadOnlyList<double> alone, double openSeconds, int saves)
    {
        var saveTimes = new List<double>();
        var pauses = new List<double>();
        var cpu = new List<double>();
        var times = new List<double>();
        var missed = 0;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < saves && missed == 0; round++)
        {
            var idle = await IdleCpuPerSecondAsync(process);
            var delta = NextDelta();
            var expected = CircuitClient.Needles(await app.NationalTotalAsync() + delta);
            // Each dashboard's time counts from here, just before the save.
            var seen = clients.Select(c => c.Expect(expected)).ToList();
            var window = Stopwatch.StartNew();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var (save, pause) = await app.SaveAsync(delta);
            saveTimes.Add(save.TotalMilliseconds);
            pauses.Add(pause.TotalMilliseconds);
            using var cancel = new CancellationTokenSource(timeout);
            foreach (var task in seen)
            {
                try
                {
                    times.Add((await task.WaitAsync(cancel.Token)).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException)
                {
                    missed++;
                }
            }
            // The charts are updated after the batch that carries the figure; they are part of the change's cost, and the next save
            // starts once they are done.
            var settled = await SettleAsync(process);
            cpu.Add(((settled - cpuBefore).TotalMilliseconds - idle * window.Elapsed.TotalSeconds) / clients.Count);
        }
        return new FanOutResult(clients.Count, saveTimes, alone, Percentile(times, 0.5), Percentile(times, 0.95), times.Count == 0 ? double.NaN : times.Max(),
            missed, openSeconds, Percentile(cpu, 0.5), Percentile(pauses, 0.5));
    }

    /// <summary>What the process spends in CPU milliseconds per second while nothing happens but its open dashboards idling.</summary>
    private static async Task<double> IdleCpuPerSecondAsync(Process process)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalMilliseconds / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Waits until the process is as good as idle (under 10 ms of CPU in 100 ms, at most 5 s) and returns its CPU time by then.
    /// </summary>
    private static async Task<TimeSpan> SettleAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        while (deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            process.Refresh();
            var now = process.TotalProcessorTime;
            if (now - cpu < TimeSpan.FromMilliseconds(10))
            {
                return now;
            }
            cpu = now;
        }
        return cpu;
    }

    /// <summary>
    /// Opens <paramref name="count"/> dashboards from a child process and returns the managed heap they retain in this process (the
    /// app's), idle and once every one of them has shown a saved change, and in the child (the headless clients').
    /// </summary>
    public async Task<(long Server, long ServerAfterChange, long Clients)> MeasureApartAsync(int count)
    {
        var before = BenchmarkProgram.SettledHeap();
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LiveFanOut).Assembly.Location);
        }
        foreach (var argument in new[] { BenchmarkProgram.HoldCircuits, app.BaseAddress.ToString(), count.ToString(CultureInfo.InvariantCulture),
            (await app.NationalTotalAsync()).ToString(CultureInfo.InvariantCulture), timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The clients' process did not start.");
        try
        {
            var clients = long.Parse(await ReadAsync(child, OpenLine), CultureInfo.InvariantCulture);
            var server = BenchmarkProgram.SettledHeap() - before;

            var delta = NextDelta();
            var expected = await app.NationalTotalAsync() + delta;
            await child.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{ExpectLine} {expected}"));
            await ReadAsync(child, WatchingLine);
            await app.SaveAsync(delta);
            var missed = int.Parse(await ReadAsync(child, SeenLine), CultureInfo.InvariantCulture);
            // The charts are updated after the batch that carries the figure.
            await Task.Delay(TimeSpan.FromSeconds(1));
            // Unknown (-1) when some dashboard never showed the change; the fan-out that follows counts such misses and fails the run.
            var serverAfterChange = missed == 0 ? BenchmarkProgram.SettledHeap() - before : -1;

            await child.StandardInput.WriteLineAsync(CloseLine);
            await child.WaitForExitAsync(new CancellationTokenSource(timeout).Token);
            return (server, serverAfterChange, clients);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    private static async Task<string> ReadAsync(Process child, string expected)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == expected || line.StartsWith(expected + " ", StringComparison.Ordinal))
            {
                return line[expected.Length..].Trim();
            }
            Console.WriteLine($"  clients' process: {line}");
        }
        throw new InvalidOperationException($"The clients' process ended (exit {(child.HasExited ? child.ExitCode : -1)}) before it said '{expected}'.");
    }

    /// <summary>
    /// The child process of <see cref="MeasureApartAsync"/>: signs in as the demo analyst, opens the dashboards, prints the heap
    /// they retain here, then follows what standard input says: watch for a figure (and say when every dashboard shows it, or how
    /// many never did), or close.
    /// </summary>
    public static async Task<int> HoldCircuitsAsync(Uri baseAddress, int count, long nationalTotal, TimeSpan timeout)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, MaxConnectionsPerServer = 16 };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        await LiveApp.SignInAsync(http, LiveApp.Analyst, AccountSeeder.DemoAccounts.Single(a => a.Email == LiveApp.Analyst).Password);
        var ready = CircuitClient.Needles(nationalTotal);
        // The client's own code paths and statics are warm before anything is counted.
        await CloseAsync(await OpenAsync(http, cookies, baseAddress, ready, 2, 2, timeout));
        var before = BenchmarkProgram.SettledHeap();
        var clients = await OpenAsync(http, cookies, baseAddress, ready, count, 4, timeout);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{OpenLine} {BenchmarkProgram.SettledHeap() - before}"));
        while (await Console.In.ReadLineAsync() is { } command && command.StartsWith(ExpectLine + " ", StringComparison.Ordinal))
        {
            var expected = CircuitClient.Needles(long.Parse(command[(ExpectLine.Length + 1)..], CultureInfo.InvariantCulture));
            var seen = clients.Select(c => c.Expect(expected)).ToList();
            Console.WriteLine(WatchingLine);
            try
            {
                await Task.WhenAll(seen).WaitAsync(timeout);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                // Said below: how many never showed it.
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{SeenLine} {seen.Count(t => !t.IsCompletedSuccessfully)}"));
        }
        await CloseAsync(clients);
        return 0;
    }

    public static async Task CloseAsync(List<CircuitClient> clients)
    {
        foreach (var chunk in clients.Chunk(20))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
        clients.Clear();
    }

    /// <summary>A different change every time, so that every save moves the national figure to a value not shown before.</summary>
    private int NextDelta() => 101 + 7 * Interlocked.Increment(ref _saves);

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
