using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace QuotaDashboard.Features.Live;

/// <summary>Reports: figures that count changed (a revision saved by a reviewer, or accepted). Submissions: what waits for review changed. Thresholds: the use at which regions are flagged changed.</summary>
public enum DataChangeKind { Reports, Quota, Releases, Submissions, Thresholds }

/// <summary>What a write touched: a viewer ignores a change that cannot concern what it shows. Null means "any".</summary>
public sealed record DataChange(DataChangeKind? Kind, string? RegionCode, DateOnly? Month)
{
    /// <summary>Stands for many changes at once, when a viewer fell behind: it may concern anything.</summary>
    public static DataChange Anything { get; } = new(null, null, null);
}

/// <summary>
/// Tells every open page that the store changed, without making the writer wait: publishing queues the change once, and the
/// thread pool hands it to every subscriber, in the order changes were published. Each subscriber has its own small queue,
/// drained one change at a time in the culture the subscriber had when it subscribed, so a slow or broken page delays no one
/// else, and a page that falls far behind gets one <see cref="DataChange.Anything"/> instead of an ever longer queue.
/// With <see cref="LiveMetrics"/>, it times each change from publishing to the last page open then having handled it.
/// </summary>
public sealed class DataChangeNotifier
{
    /// <summary>How many changes wait for one subscriber before they are folded into one.</summary>
    public const int MaxPendingPerSubscriber = 32;

    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];
    private readonly Queue<(DataChange Change, Subscription[] To, FanOut? Told)> _published = new();
    private readonly ILogger<DataChangeNotifier> _logger;
    private readonly Histogram<double>? _fanOut;
    private Subscription[]? _snapshot;
    private bool _dispatching;

    public DataChangeNotifier(ILogger<DataChangeNotifier> logger, LiveMetrics? metrics = null)
    {
        _logger = logger;
        _fanOut = metrics?.FanOut;
        metrics?.ObserveOpenDashboards(() => SubscriberCount);
    }

    /// <summary>Subscribes in the caller's current culture: the handler always runs in it, whoever made the change.</summary>
    public IDisposable Subscribe(Func<DataChange, Task> handler)
    {
        var subscription = new Subscription(this, handler, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            _snapshot = null;
        }
        return subscription;
    }

    public int SubscriberCount
    {
        get { lock (_gate) { return _subscriptions.Count; } }
    }

    /// <summary>
    /// Queues the change for the pages open now and returns at once: however many pages are open, the writer does the same small
    /// work. A page that subscribes later has read the store after the change, and is not told of it.
    /// </summary>
    public void Publish(DataChange change)
    {
        lock (_gate)
        {
            var to = _snapshot ??= [.. _subscriptions];
            // With no page open nobody waited: a zero would only hide slow fan-outs among the times pages did wait.
            var told = to.Length > 0 && _fanOut is { Enabled: true } fanOut ? new FanOut(fanOut, to.Length) : null;
            _published.Enqueue((change, to, told));
            if (_dispatching)
            {
                return;
            }
            _dispatching = true;
        }
        // Not the writer's execution context: nothing of the writer's ambient state travels to the pages.
        ThreadPool.UnsafeQueueUserWorkItem(static n => n.Dispatch(), this, preferLocal: false);
    }

    /// <summary>Hands each published change, oldest first, to every subscriber's own queue; one dispatch runs at a time.</summary>
    private void Dispatch()
    {
        while (true)
        {
            DataChange change;
            Subscription[] subscriptions;
            FanOut? told;
            lock (_gate)
            {
                if (!_published.TryDequeue(out var next))
                {
                    _dispatching = false;
                    return;
                }
                (change, subscriptions, told) = next;
            }
            foreach (var subscription in subscriptions)
            {
                try
                {
                    subscription.Post(change, told);
                }
                catch (Exception ex)
                {
                    told?.Done();
                    // One page that cannot be told must not keep the others from hearing of it.
                    _logger.LogWarning(ex, "A data change could not be queued for a subscriber");
                }
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
            _snapshot = null;
        }
    }

    /// <summary>One published change on its way to the pages open when it was published; the last of them to be done records the time.</summary>
    private sealed class FanOut(Histogram<double> histogram, int pages)
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private int _left = pages;

        public void Done()
        {
            if (Interlocked.Decrement(ref _left) == 0)
            {
                histogram.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds);
            }
        }
    }

    /// <summary>A change waiting for one page, with what it must tell when the page is done: a folded change tells for every change it stands for.</summary>
    private readonly record struct Pending(DataChange Change, FanOut? Told, List<FanOut>? Folded)
    {
        public void Done()
        {
            Told?.Done();
            Folded?.ForEach(static f => f.Done());
        }

        public void AddTo(ref List<FanOut>? folded)
        {
            if (Told is not null)
            {
                (folded ??= []).Add(Told);
            }
            if (Folded is not null)
            {
                (folded ??= []).AddRange(Folded);
            }
        }
    }

    private sealed class Subscription(DataChangeNotifier owner, Func<DataChange, Task> handler, CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Queue<Pending> _pending = new();
        private Pending? _handling;
        private bool _draining;
        private bool _disposed;

        public void Post(DataChange change, FanOut? told)
        {
            var pending = new Pending(change, told, null);
            lock (_gate)
            {
                if (_disposed)
                {
                    // A page that closed is waited for no more.
                    pending.Done();
                    return;
                }
                if (_pending.Count >= MaxPendingPerSubscriber)
                {
                    List<FanOut>? folded = null;
                    foreach (var waiting in _pending)
                    {
                        waiting.AddTo(ref folded);
                    }
                    pending.AddTo(ref folded);
                    _pending.Clear();
                    pending = new Pending(DataChange.Anything, null, folded);
                }
                _pending.Enqueue(pending);
                if (_draining)
                {
                    return;
                }
                _draining = true;
            }
            // Not the writer's execution context: the handler must not run in the writer's culture or with its ambient state.
            ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.DrainAsync(), this, preferLocal: false);
        }

        private async Task DrainAsync()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            while (true)
            {
                Pending next;
                lock (_gate)
                {
                    if (_disposed || !_pending.TryDequeue(out next))
                    {
                        _draining = false;
                        return;
                    }
                    _handling = next;
                }
                try
                {
                    await handler(next.Change);
                }
                catch (Exception ex)
                {
                    // One broken page must not keep the others, or its own later changes, from being heard.
                    owner._logger.LogWarning(ex, "A data change subscriber failed");
                }
                lock (_gate)
                {
                    // Unless disposing already counted it done.
                    _handling?.Done();
                    _handling = null;
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                _disposed = true;
                // Whatever it had not yet handled, or is handling now, is waited for no more.
                _handling?.Done();
                _handling = null;
                foreach (var waiting in _pending)
                {
                    waiting.Done();
                }
                _pending.Clear();
            }
            owner.Remove(this);
        }
    }
}
