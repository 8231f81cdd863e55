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
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Reports;

namespace QuotaDashboard.Benchmarks;

public sealed record FanOutResult(int Dashboards, double SaveMs, double P50Ms, double P95Ms, double MaxMs, int Missed, double OpenSeconds);

public sealed record MemoryResult(int Dashboards, long BytesPerCircuit, long TotalBytes);

/// <summary>The whole app on a loopback port over a copy of a generated store, signed in as the demo analyst.</summary>
public sealed partial class LiveApp : WebApplicationFactory<Program>
{
    public const string Analyst = "analyst@demo.quota.kz";
    public const string Officer = "officer.almaty@demo.quota.kz";
    public const string OfficerRegion = "KZ-75";

    private readonly string _file;
    private readonly string _dataDirectory;

    public LiveApp(GeneratedStore store, string folder, string dataDirectory)
    {
        _file = Path.Combine(folder, $"live-{Guid.NewGuid():N}.db");
        File.Copy(store.File, _file);
        _dataDirectory = dataDirectory;
        Month = store.LastMonth;
    }

    public DateOnly Month { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development with the illustrative data is where the demo accounts exist.
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:QuotaDashboard", $"Data Source={_file}");
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
    public async Task SignInAsync(HttpClient http, string email, string password)
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
        await using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            select sum(v.Total) from Regions g
            join Reports r on r.Id = (select x.Id from Reports x where x.RegionCode = g.Code and x.Month <= $month and x.CurrentRevisionId is not null order by x.Month desc limit 1)
            join Revisions v on v.Id = r.CurrentRevisionId
            """;
        command.Parameters.AddWithValue("$month", Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The officer's current report of the month with every figure moved by <paramref name="delta"/>, so that it still adds up.</summary>
    private async Task<ReportInput> ChangedReportAsync(int delta)
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            select v.Total, v.Employers, v.LocalEmployees, b.Dimension, b.Key, b.Count
            from Reports r join Revisions v on v.Id = r.CurrentRevisionId join BreakdownLines b on b.RevisionId = v.Id
            where r.RegionCode = $region and r.Month = $month order by b.Dimension, b.Key
            """;
        command.Parameters.AddWithValue("$region", OfficerRegion);
        command.Parameters.AddWithValue("$month", Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await using var reader = await command.ExecuteReaderAsync();
        var total = 0;
        int? employers = null, local = null;
        var lines = new Dictionary<string, Dictionary<string, int>>();
        while (await reader.ReadAsync())
        {
            total = reader.GetInt32(0);
            employers = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            local = reader.IsDBNull(2) ? null : reader.GetInt32(2);
            var dimension = lines.TryGetValue(reader.GetString(3), out var d) ? d : lines[reader.GetString(3)] = [];
            dimension[reader.GetString(4)] = reader.GetInt32(5) + (dimension.Count == 0 ? delta : 0);
        }
        Dictionary<string, int> Of(string dimension) => lines.GetValueOrDefault(dimension) ?? [];
        return new ReportInput(OfficerRegion, Month, total + delta, Of("Category"), Of("Sector"), Of("Country"), employers, local);
    }

    /// <summary>Saves the officer's report through <see cref="ReportCommands"/>, the path the entry page takes; returns its latency.</summary>
    public async Task<TimeSpan> SaveAsync(int delta)
    {
        var input = await ChangedReportAsync(delta);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        ClaimsPrincipal officer = await principals.CreateAsync(await users.FindByEmailAsync(Officer)
            ?? throw new InvalidOperationException($"The demo account {Officer} is missing."));
        var commands = scope.ServiceProvider.GetRequiredService<ReportCommands>();
        var watch = Stopwatch.StartNew();
        var result = await commands.SaveAsync(input, officer, expectedVersion: null);
        watch.Stop();
        if (result is not SaveResult.Saved)
        {
            throw new InvalidOperationException($"The benchmark's save was refused: {result}");
        }
        return watch.Elapsed;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            StoreGenerator.DeleteFiles(_file);
        }
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"|<input[^>]*name="(?<name>[^"]+)"[^>]*type="hidden"[^>]*value="(?<value>[^"]*)"|<input[^>]*type="hidden"[^>]*value="(?<value>[^"]*)"[^>]*name="(?<name>[^"]+)"|<input[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*type="hidden" """)]
    private static partial Regex HiddenInput();
}

/// <summary>Opens dashboards as real circuits, saves one report, and times each dashboard until its render batch shows the change.</summary>
public sealed class LiveFanOut(LiveApp app, HttpClient http, CookieContainer cookies, TimeSpan timeout)
{
    private int _saves;

    public async Task<double> SaveWithoutDashboardsAsync(int saves)
    {
        await app.SaveAsync(NextDelta());
        var times = new List<double>();
        for (var i = 0; i < saves; i++)
        {
            times.Add((await app.SaveAsync(NextDelta())).TotalMilliseconds);
        }
        return Percentile(times, 0.5);
    }

    public async Task<List<CircuitClient>> OpenAsync(int count, int parallel)
    {
        var ready = CircuitClient.Needles(await app.NationalTotalAsync());
        var clients = new List<CircuitClient>();
        var failures = new List<Exception>();
        using var gate = new SemaphoreSlim(parallel);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var client = await CircuitClient.OpenAsync(http, cookies, app.BaseAddress, "", ready, timeout);
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

    public async Task<FanOutResult> SaveAndWatchAsync(List<CircuitClient> clients, double openSeconds)
    {
        var delta = NextDelta();
        var expected = CircuitClient.Needles(await app.NationalTotalAsync() + delta);
        var seen = clients.Select(c => c.Expect(expected)).ToList();
        var save = await app.SaveAsync(delta);
        var times = new List<double>();
        var missed = 0;
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
        return new FanOutResult(clients.Count, save.TotalMilliseconds,
            Percentile(times, 0.5), Percentile(times, 0.95), times.Count == 0 ? double.NaN : times.Max(), missed, openSeconds);
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
