using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Live;

/// <summary>A change heard from another instance on the same store is read on this one as if it had been made here.</summary>
public sealed class HeardChangeTests
{
    [Fact]
    public Task Thresholds_saved_on_another_instance_are_read_here_once_their_change_is_heard() =>
        ThresholdsSavedElsewhereAsync(new DataChange(DataChangeKind.Thresholds, null, null));

    /// <summary>What an instance hears after its channel was lost: anything may have changed, the thresholds too.</summary>
    [Fact]
    public Task Thresholds_saved_on_another_instance_while_this_one_was_not_listening_are_read_once_anything_is_heard() =>
        ThresholdsSavedElsewhereAsync(DataChange.Anything);

    private static async Task ThresholdsSavedElsewhereAsync(DataChange heard)
    {
        var store = new SeededDatabase();
        await store.InitializeAsync();
        // Two instances on one store: each has its own services, and so its own cache.
        var other = store.OtherInstance();
        await other.InitializeAsync();
        try
        {
            var here = store.Get<UseThresholdSettings>();
            var before = await here.GetAsync();
            Assert.IsType<ThresholdSaveResult.Saved>(await other.Get<UseThresholdSettings>().SaveAsync(61m, 88m, before.Version, TestUsers.Analyst()));
            Assert.Equal(before, await here.GetAsync());

            await store.Get<DashboardCache>().HeardAsync(heard);

            Assert.Equal(new UseThresholds(61m, 88m), (await here.GetAsync()).Thresholds);
        }
        finally
        {
            await other.DisposeAsync();
            await store.DisposeAsync();
        }
    }
}
