using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Live;

public sealed class FanOutMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _measured = new();
    private readonly DataChangeNotifier _notifier;

    public FanOutMetricsTests()
    {
        var metrics = new LiveMetrics(_services.GetRequiredService<IMeterFactory>());
        _notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance, metrics);
        // Only this notifier's histogram: other tests run apps with meters of the same name at the same time.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, metrics.FanOut))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _measured.Enqueue(value));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task A_change_is_measured_once_when_the_last_of_three_pages_has_handled_it_however_long_a_slow_one_takes()
    {
        var slowEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = _notifier.Subscribe(async _ =>
        {
            slowEntered.TrySetResult();
            await release.Task;
        });
        using var fast1 = new HeardChanges(_notifier);
        using var fast2 = new HeardChanges(_notifier);
        var change = new DataChange(DataChangeKind.Reports, "KZ-75", new DateOnly(2025, 7, 1));

        _notifier.Publish(change);
        var held = Stopwatch.StartNew();
        await slowEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Each fast page heard its marker after the change, so it was done with the change before.
        Assert.Contains(change, await fast1.SoFarAsync());
        Assert.Contains(change, await fast2.SoFarAsync());
        Assert.Empty(_measured);

        var heldFor = held.Elapsed.TotalSeconds;
        release.SetResult();
        // The change and the two markers: the markers waited for the slow page too, behind the change.
        await MeasuredAsync(3);
        Assert.True(_measured.First() >= heldFor, $"The fan-out measured {_measured.First()} s while the slow page held it {heldFor} s.");
        await ExactlyAsync(3);
    }

    [Fact]
    public async Task A_page_that_closes_before_handling_a_change_is_waited_for_no_more()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closing = _notifier.Subscribe(async _ =>
        {
            entered.TrySetResult();
            await release.Task;
            finished.TrySetResult();
        });
        using var open = new HeardChanges(_notifier);

        // The first is being handled when the page closes, the second waits behind it.
        _notifier.Publish(new DataChange(DataChangeKind.Quota, null, null));
        _notifier.Publish(new DataChange(DataChangeKind.Releases, null, null));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await open.SoFarAsync();
        Assert.Empty(_measured);
        closing.Dispose();

        // The two changes and the open page's marker, all of which the closed page held up.
        await ExactlyAsync(3);
        release.SetResult();
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // What it was handling as it closed was counted done then, and is not counted again.
        await ExactlyAsync(3);
    }

    [Fact]
    public async Task Changes_folded_into_one_for_a_page_that_fell_behind_are_each_measured_when_it_has_handled_the_fold()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowHeard = new ConcurrentQueue<DataChange>();
        using var slow = _notifier.Subscribe(async c =>
        {
            slowHeard.Enqueue(c);
            await release.Task;
        });
        using var fast = new HeardChanges(_notifier);
        var published = DataChangeNotifier.MaxPendingPerSubscriber + 10;

        for (var i = 0; i < published; i++)
        {
            _notifier.Publish(new DataChange(DataChangeKind.Reports, "KZ-75", new DateOnly(2025, 1, 1).AddMonths(i % 12)));
        }
        // The fast page may fall behind too, and hear some of them folded.
        await fast.SoFarAsync();
        Assert.Empty(_measured);
        release.SetResult();

        // Every change, and the fast page's marker.
        await MeasuredAsync(published + 1);
        Assert.Contains(DataChange.Anything, slowHeard);
        Assert.True(slowHeard.Count < published, $"The slow page handled {slowHeard.Count} changes one by one.");
        await ExactlyAsync(published + 1);
    }

    [Fact]
    public async Task A_change_published_with_no_page_open_is_not_measured()
    {
        _notifier.Publish(new DataChange(DataChangeKind.Quota, null, null));
        using var open = new HeardChanges(_notifier);

        await open.SoFarAsync();

        await ExactlyAsync(1);
    }

    private async Task MeasuredAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_measured.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{_measured.Count} fan-outs were measured, not {count}.");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// A page hears changes in order: once a page alone, told last, has handled one more change, whatever was published before it
    /// was measured, so a count that is still right then was not going to grow.
    /// </summary>
    private async Task ExactlyAsync(int count)
    {
        await MeasuredAsync(count);
        var before = _measured.Count;
        using (var last = new HeardChanges(_notifier))
        {
            await last.SoFarAsync();
        }
        await MeasuredAsync(before + 1);
        Assert.Equal(count + 1, _measured.Count);
        // The check's own marker, counted out again for the next check.
        _measured.TryDequeue(out _);
    }
}
