using Microsoft.AspNetCore.Hosting;
using StackExchange.Redis;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>
/// The Redis named by <c>QUOTA_TEST_REDIS</c> (such as <c>127.0.0.1:6379</c>). Outside CI a test skips when it is unset; under CI an
/// unset or unreachable Redis is a failure. Each run gets a channel and a key prefix of its own, so tests never hear each other.
/// </summary>
public static class RedisServer
{
    public const string Variable = "QUOTA_TEST_REDIS";

    /// <summary>The Redis to test against, or null outside CI when none is named; under CI one must be named and answer.</summary>
    public static string? Configured()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return BrowserFixture.IsCi
                ? throw new InvalidOperationException($"Redis tests must run under CI, but {Variable} is not set: install redis-server and export {Variable}=127.0.0.1:6379")
                : null;
        }
        using var probe = ConnectionMultiplexer.Connect(configured);
        probe.GetDatabase().Ping();
        return configured;
    }

    /// <summary>Skips the test where no Redis is named, outside CI only.</summary>
    public static string Require(string? configured)
    {
        Skip.If(configured is null, $"{Variable} is not set; start Redis (redis-server --port 6379 --daemonize yes) and export {Variable}=127.0.0.1:6379");
        return configured!;
    }

    /// <summary>Settings that give the app this run's channel and key prefix on the Redis at <paramref name="configuration"/>.</summary>
    public static void Use(IWebHostBuilder builder, string configuration, string run)
    {
        builder.UseSetting("Redis:Configuration", $"{configuration},name={ClientName(run)}");
        builder.UseSetting("Redis:Channel", Channel(run));
        builder.UseSetting("Redis:InstanceName", KeyPrefix(run));
    }

    public static string Channel(string run) => $"quota-dashboard-test:{run}:changes";

    /// <summary>What every key of this run's cached views starts with.</summary>
    public static string KeyPrefix(string run) => $"quota-dashboard-test:{run}:";

    /// <summary>The name this run's instances give their connections, as <c>CLIENT LIST</c> shows it.</summary>
    public static string ClientName(string run) => $"quota-dashboard-test-{run}";

    public static string NewRun() => Guid.NewGuid().ToString("N");

}

/// <summary>The whole app on a SQLite file it may share with another instance, with Redis settings of the test's choosing.</summary>
public sealed class RedisApp(string databaseFile, Action<IWebHostBuilder> redis) : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:QuotaDashboard", $"Data Source={databaseFile}");
        builder.UseSetting(QuotaDashboard.Data.StoreSettings.ProviderKey, nameof(QuotaDashboard.Data.StoreProvider.Sqlite));
        redis(builder);
    }
}
