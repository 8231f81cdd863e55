using System.Net;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Reference;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Hosting;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;
using StackExchange.Redis;

namespace QuotaDashboard.Tests.Live;

/// <summary>Two instances of the whole app on one SQLite file and one Redis, with a channel and key prefix of their own.</summary>
public sealed class TwoInstancesOnRedis : IAsyncLifetime
{
    private readonly string _databaseFile = RepositoryPaths.NewDatabaseFile();
    private readonly string _run = RedisServer.NewRun();
    private RedisApp? _a;
    private RedisApp? _b;

    public string? Redis { get; private set; }

    public RedisApp A => _a ?? throw new InvalidOperationException("Not started.");

    public RedisApp B => _b ?? throw new InvalidOperationException("Not started.");

    public string Channel => RedisServer.Channel(_run);

    public string KeyPrefix => RedisServer.KeyPrefix(_run);

    public string ClientName => RedisServer.ClientName(_run);

    public async Task InitializeAsync()
    {
        Redis = RedisServer.Configured();
        if (Redis is null)
        {
            return;
        }
        // One after the other: the first creates and seeds the store, the second finds it ready.
        _a = new RedisApp(_databaseFile, b => RedisServer.Use(b, Redis, _run));
        await ListeningAsync(_a.Services);
        _b = new RedisApp(_databaseFile, b => RedisServer.Use(b, Redis, _run));
        await ListeningAsync(_b.Services);
    }

    public static async Task<HealthReport> ReadinessAsync(IServiceProvider services) =>
        await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(HostingExtensions.ReadyTag));

    public static async Task ListeningAsync(IServiceProvider services)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await ReadinessAsync(services)).Entries["notifications"].Status != HealthStatus.Healthy)
        {
            Assert.True(DateTime.UtcNow < deadline, "The instance did not subscribe to the Redis channel within 15 s.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }
        if (_b is not null)
        {
            await _b.DisposeAsync();
        }
        if (Redis is not null)
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
            var server = redis.GetServers()[0];
            await foreach (var key in server.KeysAsync(pattern: $"{KeyPrefix}*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
        RepositoryPaths.DeleteDatabase(_databaseFile);
    }
}

/// <summary>Each test works on a region and month of its own, as the instances share one store.</summary>
// Chooses its own stores: the run on PostgreSQL (QUOTA_TEST_STORE) does not repeat it.
[Trait("Store", "Own")]
public sealed class RedisTests(TwoInstancesOnRedis instances) : IClassFixture<TwoInstancesOnRedis>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task A_save_on_one_instance_is_heard_on_the_other_which_then_shows_the_new_figure_although_it_held_the_view_and_so_did_redis()
    {
        RedisServer.Require(instances.Redis);
        var (a, b) = (instances.A.Services, instances.B.Services);
        var june = new DateOnly(2025, 6, 1);
        var before = await DashboardAsync(a, june, "KZ-75");
        const string key = "dashboard:region:KZ-75:2025-06";
        var inRedis = await FromRedisAsync<DashboardView>(b, key);
        var stale = await RawAsync(b, key);
        var held = await DashboardAsync(b, june, "KZ-75");
        Assert.Equal(before.Workers.Value, inRedis?.Workers.Value);
        Assert.Equal(before.Workers.Value, held.Workers.Value);
        using var heardOnB = new HeardChanges(b.GetRequiredService<DataChangeNotifier>());

        var input = (await StoredReports.CurrentInputAsync(a, "KZ-75", june)).WithExtra(1_000);
        Assert.IsType<SaveResult.Saved>(await a.CreateScope().ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(input, TestUsers.Analyst(), null));

        await UntilHeardAsync(heardOnB, new DataChange(DataChangeKind.Reports, "KZ-75", june));
        // Redis still holds the view A cached before the save; B, having heard of the save, does not take it back.
        Assert.Equal(stale, await RawAsync(b, key));
        Assert.Equal(before.Workers.Value + 1_000, (await DashboardAsync(b, june, "KZ-75")).Workers.Value);
        Assert.Equal(before.Workers.Value + 1_000, (await DashboardAsync(a, june, "KZ-75")).Workers.Value);
    }

    [SkippableFact]
    public async Task An_instance_that_saves_tells_its_own_pages_once_although_redis_sends_its_message_back_to_it()
    {
        RedisServer.Require(instances.Redis);
        var (a, b) = (instances.A.Services, instances.B.Services);
        var march = new DateOnly(2025, 3, 1);
        using var heardOnA = new HeardChanges(a.GetRequiredService<DataChangeNotifier>());
        using var heardOnB = new HeardChanges(b.GetRequiredService<DataChangeNotifier>());
        var saved = new DataChange(DataChangeKind.Reports, "KZ-71", march);

        var input = (await StoredReports.CurrentInputAsync(a, "KZ-71", march)).WithExtra(7);
        Assert.IsType<SaveResult.Saved>(await a.CreateScope().ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(input, TestUsers.Analyst(), null));
        await UntilHeardAsync(heardOnB, saved);
        // Redis passed A's message on before B heard it, so one B sends now reaches A after A's own came back.
        var later = new DataChange(DataChangeKind.Submissions, "KZ-11", march);
        await b.GetRequiredService<DashboardCache>().PublishAsync(later);
        await UntilHeardAsync(heardOnA, later);

        Assert.Single(await heardOnA.SoFarAsync(), c => c == saved);
    }

    [SkippableFact]
    public async Task Every_cached_view_read_back_from_redis_on_another_instance_equals_the_one_computed()
    {
        RedisServer.Require(instances.Redis);
        var (a, b) = (instances.A.Services, instances.B.Services);
        var december = new DateOnly(2025, 12, 1);
        var scope = a.CreateScope().ServiceProvider;
        // A submission waiting for review, so that the pending view is not empty.
        var input = (await StoredReports.CurrentInputAsync(a, "KZ-63", december)).WithExtra(3);
        Assert.IsType<SaveResult.Saved>(await scope.GetRequiredService<ReportCommands>().SaveAsync(input, TestUsers.Officer("KZ-63"), null));
        await a.GetRequiredService<DashboardCache>().ForgetAsync(DataChange.Anything);
        await a.GetRequiredService<HybridCache>().RemoveByTagAsync(["reference", "use-thresholds"]);

        // Forgotten on A only, so each view below is computed there and written to Redis afresh.
        var queries = scope.GetRequiredService<DashboardQueries>();
        var analyst = TestUsers.Analyst();
        await SameOnBAsync(await queries.GetDashboardAsync(december, null, analyst), "dashboard:nation:2025-12");
        await SameOnBAsync(await queries.GetDashboardAsync(december, "KZ-63", analyst), "dashboard:region:KZ-63:2025-12");
        await SameOnBAsync(await queries.GetSeriesAsync(null, analyst), "series:nation");
        await SameOnBAsync(await queries.GetSeriesAsync("KZ-63", analyst), "series:region:KZ-63");
        await SameOnBAsync(new RecordMonths(await queries.GetMonthsAsync(), [.. (await queries.GetReleaseMonthsAsync()).Order()]), "months");
        await SameOnBAsync(new QualityReport(await scope.GetRequiredService<DataQualityQueries>().GetIssuesAsync(analyst)), "quality");
        await SameOnBAsync(await a.GetRequiredService<ReferenceNames>().GetAsync(), "reference");
        await SameOnBAsync(await a.GetRequiredService<UseThresholdSettings>().GetAsync(), "use-thresholds");
        var pending = await scope.GetRequiredService<ApprovalQueries>().PendingByRegionAsync(december, analyst);
        Assert.True(pending.GetValueOrDefault("KZ-63") > 0);
        Assert.Equal(pending, await FromRedisAsync<Dictionary<string, int>>(b, "pending:2025-12"));

        async Task SameOnBAsync<T>(T computed, string key) where T : class
        {
            // HybridCache may write the second level after it has answered the caller.
            var deadline = DateTime.UtcNow + Patience;
            var readBack = await FromRedisAsync<T>(b, key);
            while (readBack is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
                readBack = await FromRedisAsync<T>(b, key);
            }
            Assert.True(readBack is not null, $"{key} is not in Redis");
            Assert.Equivalent(computed, readBack, strict: true);
        }
    }

    [SkippableFact]
    public async Task A_message_that_is_not_a_change_does_not_stop_an_instance_from_hearing_the_next_one()
    {
        var redis = RedisServer.Require(instances.Redis);
        var (a, b) = (instances.A.Services, instances.B.Services);
        using var heardOnA = new HeardChanges(a.GetRequiredService<DataChangeNotifier>());
        await using var stranger = await ConnectionMultiplexer.ConnectAsync(redis);
        var channel = RedisChannel.Literal(instances.Channel);

        await stranger.GetSubscriber().PublishAsync(channel, "not json at all");
        await stranger.GetSubscriber().PublishAsync(channel, "{\"From\":");
        await stranger.GetSubscriber().PublishAsync(channel, RedisValue.EmptyString);
        var good = new DataChange(DataChangeKind.Submissions, "KZ-19", new DateOnly(2025, 2, 1));
        await b.GetRequiredService<DashboardCache>().PublishAsync(good);

        await UntilHeardAsync(heardOnA, good);
        Assert.Equal(HealthStatus.Healthy, (await TwoInstancesOnRedis.ReadinessAsync(a)).Entries["notifications"].Status);
    }

    [SkippableFact]
    public async Task An_instance_whose_subscription_was_cut_forgets_every_view_and_hears_again()
    {
        var redis = RedisServer.Require(instances.Redis);
        var (a, b) = (instances.A.Services, instances.B.Services);
        using var heardOnA = new HeardChanges(a.GetRequiredService<DataChangeNotifier>());
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis},allowAdmin=true");
        var server = admin.GetServers()[0];
        var subscribers = (await server.ClientListAsync()).Where(c => c.Name == instances.ClientName && c.SubscriptionCount > 0).ToList();
        Assert.Equal(2, subscribers.Count);

        foreach (var subscriber in subscribers)
        {
            await server.ClientKillAsync(subscriber.Id);
        }

        // Whatever was said while the connection was down is lost, so listening again forgets every view and tells every page.
        await UntilHeardAsync(heardOnA, DataChange.Anything);
        await TwoInstancesOnRedis.ListeningAsync(a);
        await TwoInstancesOnRedis.ListeningAsync(b);
        var after = new DataChange(DataChangeKind.Submissions, "KZ-33", new DateOnly(2025, 4, 1));
        await b.GetRequiredService<DashboardCache>().PublishAsync(after);
        await UntilHeardAsync(heardOnA, after);
    }

    [SkippableFact]
    public async Task Ready_is_healthy_with_the_store_redis_and_the_channel_answering()
    {
        RedisServer.Require(instances.Redis);

        using var response = await instances.A.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await TwoInstancesOnRedis.ReadinessAsync(instances.A.Services);
        Assert.Equal(["notifications", "redis", "store"], report.Entries.Keys.Order());
        Assert.All(report.Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));
    }

    private static async Task<DashboardView> DashboardAsync(IServiceProvider services, DateOnly month, string? region) =>
        await services.CreateScope().ServiceProvider.GetRequiredService<DashboardQueries>().GetDashboardAsync(month, region, TestUsers.Analyst());

    /// <summary>What Redis holds under the key, through HybridCache's own serializer, never from memory nor computed.</summary>
    private static async Task<T?> FromRedisAsync<T>(IServiceProvider services, string key) where T : class =>
        await services.GetRequiredService<HybridCache>().GetOrCreateAsync<T?>(key, _ => ValueTask.FromResult<T?>(null),
            new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableUnderlyingData });

    /// <summary>The bytes Redis holds for a cached view.</summary>
    private async Task<string> RawAsync(IServiceProvider services, string key) =>
        Convert.ToBase64String((byte[]?)await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().HashGetAsync(instances.KeyPrefix + key, "data")
            ?? throw new Xunit.Sdk.XunitException($"{key} is not in Redis"));

    private static async Task UntilHeardAsync(HeardChanges heard, DataChange change)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!(await heard.SoFarAsync()).Contains(change))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{change} was not heard within {Patience.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}

/// <summary>Needs no Redis: the address names a port nothing listens on.</summary>
// Chooses its own stores: the run on PostgreSQL (QUOTA_TEST_STORE) does not repeat it.
[Trait("Store", "Own")]
public sealed class RedisUnreachableTests
{
    [Fact]
    public async Task The_app_starts_but_is_not_ready_while_redis_cannot_be_reached()
    {
        var file = RepositoryPaths.NewDatabaseFile();
        try
        {
            await using var app = new RedisApp(file, b => RedisServer.Use(b, $"127.0.0.1:{LoopbackPort.Free()}", RedisServer.NewRun()));
            using var client = app.CreateClient();

            using var live = await client.GetAsync("/health/live");
            using var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var report = await TwoInstancesOnRedis.ReadinessAsync(app.Services);
            Assert.Equal(HealthStatus.Healthy, report.Entries["store"].Status);
            Assert.Equal(HealthStatus.Unhealthy, report.Entries["redis"].Status);
            Assert.Equal(HealthStatus.Unhealthy, report.Entries["notifications"].Status);
        }
        finally
        {
            RepositoryPaths.DeleteDatabase(file);
        }
    }
}
