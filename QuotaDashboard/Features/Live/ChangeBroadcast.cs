using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuotaDashboard.Features.Dashboard;

namespace QuotaDashboard.Features.Live;

/// <summary>
/// Carries each change this instance committed to the other instances on the same store, and theirs to this one. Posting only
/// queues the change: the writer never waits for another instance, nor for the channel between them.
/// </summary>
public sealed class ChangeBroadcast
{
    private const int MaxWaiting = 1024;
    private readonly Channel<DataChange> _outgoing;
    private int _dropped;

    /// <param name="channel">The channel that carries changes between instances, or null when this instance is alone.</param>
    public ChangeBroadcast(string? channel = null)
    {
        Channel = channel;
        _outgoing = System.Threading.Channels.Channel.CreateBounded<DataChange>(
            new BoundedChannelOptions(MaxWaiting) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Exchange(ref _dropped, 1));
    }

    /// <summary>Tells this instance's own messages from the others'.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    public string? Channel { get; }

    public void Post(DataChange change)
    {
        if (Channel is not null)
        {
            _outgoing.Writer.TryWrite(change);
        }
    }

    /// <summary>The next change to send; <see cref="DataChange.Anything"/> once some were dropped while the channel was down.</summary>
    internal async ValueTask<DataChange> NextAsync(CancellationToken ct)
    {
        var change = await _outgoing.Reader.ReadAsync(ct);
        return Interlocked.Exchange(ref _dropped, 0) == 1 ? DataChange.Anything : change;
    }

    internal string Write(DataChange change) =>
        JsonSerializer.Serialize(new Message(Instance, change.Kind?.ToString(), change.RegionCode, change.Month?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The change another instance made, or null for this instance's own message or one it cannot read.</summary>
    internal DataChange? Read(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<Message>(payload) is not { } message || message.From == Instance)
            {
                return null;
            }
            DataChangeKind? kind = message.Kind is null ? null : Enum.Parse<DataChangeKind>(message.Kind);
            DateOnly? month = message.Month is null ? null : DateOnly.ParseExact(message.Month, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return new DataChange(kind, message.Region, month);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException)
        {
            // A message from a newer or foreign sender: treat it as a change that may concern anything.
            return DataChange.Anything;
        }
    }

    private sealed record Message(string From, string? Kind, string? Region, string? Month);
}

/// <summary>
/// One way of carrying changes between instances (PostgreSQL's LISTEN/NOTIFY, Redis pub/sub). Sends what this instance posts,
/// hears the others, and reconnects after a lost connection; since changes may have been missed meanwhile, a reconnect forgets
/// every view and tells every page.
/// </summary>
public abstract class ChangeTransport(ChangeBroadcast broadcast, DashboardCache cache, ILogger logger) : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private volatile bool _listening;

    /// <summary>Listens until the connection is lost or <paramref name="ct"/> ends; calls <paramref name="listening"/> once it hears.</summary>
    protected abstract Task ListenAsync(Action listening, Func<string, Task> received, CancellationToken ct);

    protected abstract Task SendAsync(string message, CancellationToken ct);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepListeningAsync(stoppingToken), KeepSendingAsync(stoppingToken));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_listening
            ? HealthCheckResult.Healthy($"Listening on {broadcast.Channel}")
            : new HealthCheckResult(context.Registration.FailureStatus, $"Not listening on {broadcast.Channel}"));

    private async Task KeepListeningAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        var heardBefore = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() =>
                {
                    _listening = true;
                    delay = TimeSpan.FromSeconds(1);
                    if (heardBefore)
                    {
                        _ = HeardAsync(DataChange.Anything);
                    }
                    heardBefore = true;
                }, payload => broadcast.Read(payload) is { } change ? HeardAsync(change) : Task.CompletedTask, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Lost the {Channel} channel; listening again in {Delay}", broadcast.Channel, delay);
            }
            _listening = false;
            await Delay(ref delay, ct);
        }
    }

    private async Task KeepSendingAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            DataChange change;
            try
            {
                change = await broadcast.NextAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var message = broadcast.Write(change);
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await SendAsync(message, ct);
                    delay = TimeSpan.FromSeconds(1);
                    break;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not send a change on {Channel}; trying again in {Delay}", broadcast.Channel, delay);
                    await Delay(ref delay, ct);
                }
            }
        }
    }

    private async Task HeardAsync(DataChange change)
    {
        try
        {
            await cache.HeardAsync(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A change heard on {Channel} could not be applied", broadcast.Channel);
        }
    }

    private static Task Delay(ref TimeSpan delay, CancellationToken ct)
    {
        var wait = delay;
        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        return Task.Delay(wait, ct).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
