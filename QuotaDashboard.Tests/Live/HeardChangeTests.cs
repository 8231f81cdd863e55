using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Live;

/// <summary>A change heard from another instance on the same store is read on this one as if it had been made here.</summary>
public sealed class HeardChangeTests
{
    [Fact]
    public async Task Thresholds_saved_on_another_instance_are_read_here_once_their_change_is_heard()
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

            await store.Get<DashboardCache>().HeardAsync(new DataChange(DataChangeKind.Thresholds, null, null));

            Assert.Equal(new UseThresholds(61m, 88m), (await here.GetAsync()).Thresholds);
        }
        finally
        {
            await other.DisposeAsync();
            await store.DisposeAsync();
        }
    }
}
