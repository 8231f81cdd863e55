using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

/// <summary>Concurrency on each store: the database's unique index decides between screens that both saw no report.</summary>
// Chooses its own stores: the run on PostgreSQL (QUOTA_TEST_STORE) does not repeat it.
[Trait("Store", "Own")]
public sealed class ConcurrentFirstSaveTests
{
    private const int Screens = 8;

    [SkippableTheory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSQL)]
    public async Task First_saves_of_one_report_at_once_give_one_Saved_and_a_Conflict_for_every_other_screen(StoreProvider provider)
    {
        var store = SeededDatabase.On(provider == StoreProvider.PostgreSQL ? TestStore.PostgreSql() : TestStore.Sqlite(), illustrativeData: false);
        await store.InitializeAsync();
        try
        {
            var month = new DateOnly(2025, 6, 1);
            using var start = new ManualResetEventSlim();
            var saves = Enumerable.Range(1, Screens).Select(i => Task.Run(async () =>
            {
                start.Wait();
                // Every screen opened before any report existed: it expects none (version 0).
                return await store.Get<ReportCommands>().SaveAsync(StoredReports.Simple("KZ-75", month, 100 + i),
                    TestUsers.Officer("KZ-75", $"officer {i}"), expectedVersion: 0);
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(saves);

            var saved = Assert.Single(results.OfType<SaveResult.Saved>());
            Assert.Equal(Screens - 1, results.OfType<SaveResult.Conflict>().Count());
            Assert.All(results.OfType<SaveResult.Conflict>(), c => Assert.Equal(1, c.CurrentVersion));
            var revisions = await StoredReports.RevisionsAsync(store, "KZ-75", month);
            Assert.Equal([1], revisions.Select(r => r.Number));
            Assert.Equal(saved.RevisionNumber, revisions[0].Number);
        }
        finally
        {
            await store.DisposeAsync();
        }
    }
}
