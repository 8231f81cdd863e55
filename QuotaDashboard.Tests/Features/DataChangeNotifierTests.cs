using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

public sealed class DataChangeNotifierTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_subscriber_that_blocks_for_ten_seconds_neither_delays_the_save_nor_keeps_a_second_subscriber_from_hearing_of_it()
    {
        var notifier = store.Get<DataChangeNotifier>();
        using var release = new CancellationTokenSource();
        var blockedAt = new TaskCompletionSource<DataChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var blocking = notifier.Subscribe(async c =>
        {
            blockedAt.TrySetResult(c);
            await Task.Delay(TimeSpan.FromSeconds(10), release.Token).ContinueWith(_ => { });
        });
        using var heard = new HeardChanges(notifier);
        var month = new DateOnly(2025, 7, 1);
        var input = await StoredReports.CurrentInputAsync(store, "KZ-31", month);

        var clock = Stopwatch.StartNew();
        var saved = await store.Get<ReportCommands>().SaveAsync(input.WithExtra(2), TestUsers.Officer("KZ-31"), null);
        var saveTook = clock.Elapsed;

        Assert.IsType<SaveResult.Saved>(saved);
        Assert.Equal([new DataChange(DataChangeKind.Submissions, "KZ-31", month)], await heard.SoFarAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The second subscriber heard of the change only after {clock.Elapsed}.");
        Assert.True(saveTook < TimeSpan.FromSeconds(5), $"The save waited {saveTook} for a blocked subscriber.");
        Assert.Equal(new DataChange(DataChangeKind.Submissions, "KZ-31", month), await blockedAt.Task);
        release.Cancel();
    }

    [Fact]
    public async Task A_subscriber_hears_every_change_in_the_culture_it_subscribed_in_whoever_publishes()
    {
        var notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance);
        var cultures = new List<(string Culture, string UiCulture)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable subscription;
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ru");
            subscription = notifier.Subscribe(_ =>
            {
                lock (cultures)
                {
                    cultures.Add((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
                    if (cultures.Count == 2) done.TrySetResult();
                }
                return Task.CompletedTask;
            });
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
            notifier.Publish(new DataChange(DataChangeKind.Reports, "KZ-75", null));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("kk");
            notifier.Publish(new DataChange(DataChangeKind.Quota, null, null));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        subscription.Dispose();
        Assert.Equal([("ru", "ru"), ("ru", "ru")], cultures);
    }

    [Fact]
    public async Task A_subscriber_that_falls_far_behind_gets_one_change_that_may_concern_anything_instead_of_an_endless_queue()
    {
        var notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heard = new List<DataChange>();
        using var slow = notifier.Subscribe(async c =>
        {
            await gate.Task;
            lock (heard) heard.Add(c);
        });

        for (var i = 0; i < 1_000; i++)
        {
            notifier.Publish(new DataChange(DataChangeKind.Reports, "KZ-75", new DateOnly(2025, 1, 1).AddMonths(i % 12)));
        }
        // Changes are handed out in order: once another listener hears a marker published after them, all have been queued.
        using var marker = new HeardChanges(notifier);
        await marker.SoFarAsync();
        gate.SetResult();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!HeardMarker())
        {
            Assert.True(DateTime.UtcNow < deadline, "The slow subscriber never caught up.");
            await Task.Delay(10);
        }
        bool HeardMarker()
        {
            lock (heard) return heard.Any(c => c.RegionCode?.StartsWith("marker", StringComparison.Ordinal) == true);
        }

        lock (heard)
        {
            Assert.True(heard.Count <= DataChangeNotifier.MaxPendingPerSubscriber + 2, $"{heard.Count} changes were queued for one subscriber.");
            Assert.Contains(DataChange.Anything, heard);
        }
    }

    [Fact]
    public async Task Every_subscriber_hears_the_changes_in_the_order_they_were_published_from_several_writers_at_once()
    {
        var notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance);
        const int Writers = 4, PerWriter = 6;
        var lists = Enumerable.Range(0, 3).Select(_ => new List<DataChange>()).ToList();
        var done = lists.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var subscriptions = lists.Select((heard, i) => notifier.Subscribe(async c =>
        {
            // One subscriber is slower than the others; none may see the changes in another order.
            if (i == 0)
            {
                await Task.Yield();
            }
            lock (heard)
            {
                heard.Add(c);
                if (heard.Count == Writers * PerWriter)
                {
                    done[i].TrySetResult();
                }
            }
        })).ToList();
        var published = new List<DataChange>();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var change = new DataChange(DataChangeKind.Reports, $"KZ-{w}{i}", null);
                // The order of publishing is the order in which the notifier took the changes.
                lock (published)
                {
                    published.Add(change);
                    notifier.Publish(change);
                }
            }
        })));

        await Task.WhenAll(done.Select(d => d.Task)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(lists, heard => Assert.Equal(published, heard));
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_page_that_subscribes_after_a_change_was_published_is_not_told_of_it_and_hears_what_comes_next()
    {
        var notifier = new DataChangeNotifier(NullLogger<DataChangeNotifier>.Instance);
        using var early = notifier.Subscribe(_ => Task.CompletedTask);
        // Enough changes that handing them out is still under way when the late page subscribes.
        for (var i = 0; i < 20_000; i++)
        {
            notifier.Publish(new DataChange(DataChangeKind.Reports, "KZ-75", null));
        }
        var heard = new List<DataChange>();
        var next = new DataChange(DataChangeKind.Releases, null, new DateOnly(2025, 12, 1));
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var late = notifier.Subscribe(c =>
        {
            lock (heard)
            {
                heard.Add(c);
            }
            // Before the last, a late page heard the queue's changes, folded into one that may concern anything.
            if (c == next || c == DataChange.Anything)
            {
                told.TrySetResult();
            }
            return Task.CompletedTask;
        });

        notifier.Publish(next);

        await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (heard)
        {
            Assert.Equal([next], heard);
        }
    }
}
