namespace QuotaDashboard.Features.Live;

public enum DataChangeKind { Reports, Quota, Releases }

public sealed record DataChange(DataChangeKind Kind, string? RegionCode, DateOnly? Month);

/// <summary>Tells every open dashboard that the store changed; subscribers re-query what they show.</summary>
public sealed class DataChangeNotifier(ILogger<DataChangeNotifier> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Func<DataChange, Task>> _handlers = [];

    public IDisposable Subscribe(Func<DataChange, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Add(handler);
        }
        return new Subscription(this, handler);
    }

    public int SubscriberCount
    {
        get { lock (_gate) { return _handlers.Count; } }
    }

    /// <summary>Tells the subscribers without making the writer wait for them.</summary>
    public void Publish(DataChange change) => _ = Task.Run(() => PublishAsync(change));

    public async Task PublishAsync(DataChange change)
    {
        Func<DataChange, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }
        foreach (var handler in handlers)
        {
            try
            {
                await handler(change);
            }
            catch (Exception ex)
            {
                // One broken circuit must not keep the others from hearing of the change.
                logger.LogWarning(ex, "A data change subscriber failed");
            }
        }
    }

    private void Unsubscribe(Func<DataChange, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    private sealed class Subscription(DataChangeNotifier owner, Func<DataChange, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}
