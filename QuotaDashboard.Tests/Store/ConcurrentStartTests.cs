using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

[Trait("Store", "Own")]
public sealed class ConcurrentStartTests
{
    [SkippableFact]
    public async Task Instances_starting_together_on_one_new_PostgreSQL_database_migrate_and_seed_it_once()
    {
        var first = SeededDatabase.On(TestStore.PostgreSql());
        var instances = new[] { first, first.OtherInstance(), first.OtherInstance() };
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(i.InitializeAsync)));

            await using var db = first.CreateContext();
            var rows = (await StoreTables.CountRowsAsync(db)).ToDictionary(t => t.Table, t => t.Rows);
            Assert.Equal(SeedCsv.RegionCodes.Count, rows["Regions"]);
            Assert.Equal(SeedCsv.Releases.Count, rows["PublishedFigures"]);
            Assert.Equal(AccountSeeder.DemoAccounts.Count, rows["AspNetUsers"]);
            Assert.Equal(SeedCsv.IllustrativeReports.Select(r => (r.Month, r.Region)).Distinct().Count(), rows["Reports"]);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            // The others first: the first instance owns the database and drops it.
            foreach (var instance in instances.Reverse())
            {
                await instance.DisposeAsync();
            }
        }
    }
}
