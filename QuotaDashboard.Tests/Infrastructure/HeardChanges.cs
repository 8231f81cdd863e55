using System.Collections.Concurrent;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>
/// Listens to the notifier as an open page does. Changes arrive after the writer has returned, so <see cref="SoFarAsync"/>
/// sends a marker of its own and waits for it: a subscriber hears changes in order, so whatever was published before is in.
/// </summary>
public sealed class HeardChanges : IDisposable
{
    private readonly DataChangeNotifier _notifier;
    private readonly ConcurrentQueue<DataChange> _heard = new();
    private readonly IDisposable _subscription;

    public HeardChanges(DataChangeNotifier notifier)
    {
        _notifier = notifier;
        _subscription = notifier.Subscribe(c =>
        {
            _heard.Enqueue(c);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Listens from now on only: a change published just before may still be on its way and would reach a new subscriber too.
    /// A first listener waits for its marker, by when every earlier change has been handed out, and only then the real one begins.
    /// </summary>
    public static async Task<HeardChanges> FromNowAsync(DataChangeNotifier notifier)
    {
        using (var earlier = new HeardChanges(notifier))
        {
            await earlier.SoFarAsync();
        }
        return new HeardChanges(notifier);
    }

    public async Task<IReadOnlyList<DataChange>> SoFarAsync()
    {
        var marker = new DataChange(null, "marker " + Guid.NewGuid().ToString("N"), null);
        _notifier.Publish(marker);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_heard.Contains(marker))
        {
            Assert.True(DateTime.UtcNow < deadline, "The notifier did not deliver within 10 s.");
            await Task.Delay(10);
        }
        return _heard.Where(c => c.RegionCode?.StartsWith("marker ", StringComparison.Ordinal) != true).ToList();
    }

    public void Dispose() => _subscription.Dispose();
}
