using StackExchange.Redis;
using QuotaDashboard.Features.Dashboard;

namespace QuotaDashboard.Features.Live;

/// <summary>Where Redis is, the channel changes travel on, and the prefix of the cached views' keys: <c>Redis:*</c>.</summary>
public sealed record RedisSettings(string Configuration, string Channel, string InstanceName)
{
    public const string Section = "Redis";

    /// <summary>The settings, or null when <c>Redis:Configuration</c> is not set and instances do without Redis.</summary>
    public static RedisSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return section[nameof(Configuration)] is { Length: > 0 } where
            ? new RedisSettings(where,
                section[nameof(Channel)] is { Length: > 0 } channel ? channel : "quota-dashboard:changes",
                section[nameof(InstanceName)] is { Length: > 0 } prefix ? prefix : "quota-dashboard:")
            : null;
    }

    /// <summary>
    /// Never aborts when Redis cannot be reached: the instance starts, reports itself not ready, and connects once Redis answers.
    /// Meanwhile a command fails at once rather than waiting for the connection, so views are computed from the store without delay.
    /// </summary>
    public ConfigurationOptions Options()
    {
        var options = ConfigurationOptions.Parse(Configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "QuotaDashboard";
        return options;
    }
}

/// <summary>
/// Changes carried by Redis pub/sub, whatever the store: instances that share Redis hear each other. The connection is the one the
/// second-level cache and the readiness check use.
/// </summary>
public sealed class RedisChangeTransport(IConnectionMultiplexer redis, RedisSettings settings, ChangeBroadcast broadcast, DashboardCache cache,
    ILogger<RedisChangeTransport> logger)
    : ChangeTransport(broadcast, cache, logger)
{
    private readonly RedisChannel _channel = RedisChannel.Literal(settings.Channel);
    private readonly ISubscriber _subscriber = redis.GetSubscriber();

    protected override async Task ListenAsync(Action listening, Func<string, Task> received, CancellationToken ct)
    {
        // The multiplexer reconnects and subscribes again by itself, but what was said meanwhile is lost; ending here on a lost
        // connection lets the next listen forget every view.
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ConnectionFailedEventArgs? failure = null;
        void OnFailed(object? sender, ConnectionFailedEventArgs e)
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                failure = e;
                lost.Cancel();
            }
        }
        redis.ConnectionFailed += OnFailed;
        ChannelMessageQueue? queue = null;
        try
        {
            queue = await _subscriber.SubscribeAsync(_channel).WaitAsync(lost.Token);
            listening();
            while (true)
            {
                var message = await queue.ReadAsync(lost.Token);
                await received((string?)message.Message ?? "");
            }
        }
        catch (OperationCanceledException) when (failure is { } e && !ct.IsCancellationRequested)
        {
            throw new RedisConnectionException(e.FailureType, $"Lost the connection to Redis at {e.EndPoint}", e.Exception);
        }
        finally
        {
            redis.ConnectionFailed -= OnFailed;
            // Not waited for: with the connection lost, Redis could not confirm it, and the next listen subscribes afresh anyway.
            queue?.Unsubscribe(CommandFlags.FireAndForget);
        }
    }

    protected override Task SendAsync(string message, CancellationToken ct) =>
        _subscriber.PublishAsync(_channel, message).WaitAsync(ct);
}
