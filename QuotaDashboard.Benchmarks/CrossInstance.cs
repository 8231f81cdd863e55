using System.Diagnostics;
using System.Net;
using Npgsql;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;

namespace QuotaDashboard.Benchmarks;

/// <summary>Saves made on instance A, heard by the dashboards open on instance B; null when no PostgreSQL was given, and why.</summary>
public sealed record CrossInstanceResult(FanOutResult? FanOut, string? SkippedBecause);

/// <summary>
/// Two instances of the app on one new PostgreSQL database, as behind the proxy: dashboards open on B, reports saved on A, each
/// dashboard timed from the start of a save on A to the render batch on B that carries the new national figure. The change travels
/// as it does in production: PostgreSQL's <c>LISTEN/NOTIFY</c> from A to B, then B's own fan-out.
/// </summary>
public static class CrossInstance
{
    /// <summary>A connection string of a PostgreSQL account that may create databases; the run makes one and drops it.</summary>
    public const string ServerVariable = "QUOTA_BENCH_POSTGRES";

    public static async Task<CrossInstanceResult> MeasureAsync(string dataDirectory, DateOnly month, int dashboards, int saves, bool required, TimeSpan timeout)
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is not { Length: > 0 } server)
        {
            var why = $"no PostgreSQL given ({ServerVariable}: the connection string of an account that may create databases)";
            if (required)
            {
                throw new InvalidOperationException($"The full run measures two instances on PostgreSQL, but there is {why}.");
            }
            Console.WriteLine($"two instances: skipped, {why}");
            return new CrossInstanceResult(null, why);
        }
        var database = $"quota_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"""CREATE DATABASE "{database}" """);
        try
        {
            var store = new StoreSettings(StoreProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            using var a = new LiveApp(store, month, dataDirectory);
            var seeding = Stopwatch.StartNew();
            a.Start();
            await a.FillMonthAsync();
            using var b = new LiveApp(store, month, dataDirectory);
            b.Start();
            Console.WriteLine($"two instances on PostgreSQL: A migrated, seeded and filled {month:yyyy-MM}, B started, in {seeding.Elapsed.TotalSeconds:0.0} s");

            var cookies = new CookieContainer();
            using var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, MaxConnectionsPerServer = 16 };
            using var http = new HttpClient(handler) { BaseAddress = b.BaseAddress, Timeout = timeout };
            await LiveApp.SignInAsync(http, LiveApp.Analyst, AccountSeeder.DemoAccounts.Single(d => d.Email == LiveApp.Analyst).Password);
            // Dashboards on B; the saves and the expected figure on A.
            var fan = new LiveFanOut(a, http, cookies, timeout);
            await LiveFanOut.CloseAsync(await fan.OpenAsync(2, 2));
            var alone = await fan.SaveWithoutDashboardsAsync(3, warm: true);
            var result = await fan.OpenSaveAndCloseAsync(dashboards, alone, saves);
            Console.WriteLine($"two instances, {dashboards} dashboards on B: save on A median {result.SaveMs:0} ms (none open: {result.SaveAloneMs:0} ms); " +
                $"until each dashboard on B has it p50 {result.P50Ms:0} / p95 {result.P95Ms:0} / max {result.MaxMs:0} ms; missed {result.Missed}");
            return new CrossInstanceResult(result, null);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(server, database);
        }
    }

    private static async Task DropAsync(string server, string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
                return;
            }
            // The server's autovacuum may be working in the new database: not ours to end, so wait for it to finish.
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
