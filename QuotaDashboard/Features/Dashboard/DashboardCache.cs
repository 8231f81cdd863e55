using Microsoft.Extensions.Caching.Hybrid;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>
/// One computation per distinct view, whoever watches it: the dashboard by (month, region), the timeline by region, the data
/// quality and the months. A write names what it touched, and only the views it can change are computed again.
/// </summary>
public sealed class DashboardCache(HybridCache cache, DataChangeNotifier notifier, ChangeBroadcast broadcast, TimeProvider clock, LiveMetrics? metrics = null)
{
    private const string Nation = "nation";

    // Changes invalidate by tag; the expiry only bounds the memory of views nobody looks at any more.
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromHours(6), LocalCacheExpiration = TimeSpan.FromHours(6) };

    private DateOnly ThisMonth => FirstDay(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public ValueTask<DashboardView> DashboardAsync(DateOnly month, string? regionCode, Func<CancellationToken, ValueTask<DashboardView>> compute, CancellationToken ct)
    {
        // A month after this one is a question about the future, not a view anyone keeps open; invalidation reaches up to this month only.
        compute = Timed("dashboard", compute);
        if (month > ThisMonth)
        {
            return compute(ct);
        }
        var scope = Scope(regionCode);
        return cache.GetOrCreateAsync($"dashboard:{scope}:{Key(month)}", compute, Entry, ["dashboard", scope, $"month:{Key(month)}", $"year:{month.Year}"], ct);
    }

    public ValueTask<TimelineSeries> SeriesAsync(string? regionCode, Func<CancellationToken, ValueTask<TimelineSeries>> compute, CancellationToken ct) =>
        cache.GetOrCreateAsync($"series:{Scope(regionCode)}", Timed("series", compute), Entry, ["series", $"series:{Scope(regionCode)}"], ct);

    public ValueTask<QualityReport> QualityAsync(Func<CancellationToken, ValueTask<QualityReport>> compute, CancellationToken ct) =>
        cache.GetOrCreateAsync("quality", Timed("quality", compute), Entry, ["quality"], ct);

    public ValueTask<RecordMonths> MonthsAsync(Func<CancellationToken, ValueTask<RecordMonths>> compute, CancellationToken ct) =>
        cache.GetOrCreateAsync("months", Timed("months", compute), Entry, ["months"], ct);

    /// <summary>
    /// Forgets the views the committed change touched, then tells the open pages: a page that computes again on hearing of it reads
    /// the store, never a view from before. Forgetting is in memory; no viewer is waited for, nor any other instance, which the
    /// broadcast tells in the background.
    /// </summary>
    public async Task PublishAsync(DataChange change)
    {
        // Counted here, where every write of this instance passes, and not in HeardAsync: another instance's saves are its own.
        metrics?.Saved(change);
        await HeardAsync(change);
        broadcast.Post(change);
    }

    /// <summary>A change committed by another instance on the same store: forgotten here and told to this instance's pages.</summary>
    public async Task HeardAsync(DataChange change)
    {
        await ForgetAsync(change);
        notifier.Publish(change);
    }

    /// <summary>Forgets the views a change touched without telling anyone; <see cref="DataChange.Anything"/> forgets them all.</summary>
    public ValueTask ForgetAsync(DataChange change) => cache.RemoveByTagAsync(TagsTouchedBy(change, ThisMonth), CancellationToken.None);

    /// <summary>
    /// A report of region R for month M changes every view of M and later (each ranks every region), the nation's and R's
    /// timelines, the data quality and the months; a release the nation's views and timeline; a quota or allocation every view of its year and every timeline.
    /// </summary>
    internal static IReadOnlyList<string> TagsTouchedBy(DataChange change, DateOnly thisMonth)
    {
        switch (change.Kind)
        {
            case DataChangeKind.Reports:
                // Every view of a month ranks every region, so a report of any region reaches every view of its month and later.
                List<string> tags = change.Month is { } from
                    ? [.. Months(FirstDay(from), thisMonth).Select(m => $"month:{Key(m)}")]
                    : ["dashboard"];
                tags.AddRange(change.RegionCode is { } r ? [$"series:{Nation}", $"series:{Scope(r)}"] : ["series"]);
                tags.AddRange(["quality", "months", Reports.ApprovalQueries.PendingTag]);
                return tags;
            case DataChangeKind.Releases:
                return [Nation, $"series:{Nation}", "quality", "months"];
            case DataChangeKind.Quota:
                return [change.Month is { } month ? $"year:{month.Year}" : "dashboard", "series", "quality"];
            case DataChangeKind.Submissions:
                // Nothing that counts changed, only what waits for review.
                return [Reports.ApprovalQueries.PendingTag];
            case DataChangeKind.Thresholds:
                // Views hold figures, not the states the thresholds give them: only the thresholds themselves are read again.
                return [Quota.UseThresholdSettings.Key];
            default:
                return ["dashboard", "series", "quality", "months", Reports.ApprovalQueries.PendingTag, Quota.UseThresholdSettings.Key];
        }
    }

    private Func<CancellationToken, ValueTask<T>> Timed<T>(string view, Func<CancellationToken, ValueTask<T>> compute) =>
        metrics is null ? compute : ct => metrics.TimeAsync(view, compute, ct);

    private static string Scope(string? regionCode) => regionCode is null ? Nation : $"region:{regionCode}";

    private static string Key(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly FirstDay(DateOnly date) => new(date.Year, date.Month, 1);

    private static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
