using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Hosting;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Store;

[Trait("Store", "Own")]
public sealed class ConcurrentStartTests
{
    [SkippableFact]
    public async Task Instances_starting_together_on_one_new_PostgreSQL_database_migrate_and_seed_it_once()
    {
        using var store = TestStore.PostgreSql();
        var instances = Enumerable.Range(0, 3).Select(_ =>
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            services.AddQuotaDashboardCore(store.Settings);
            services.Configure<SeedOptions>(o =>
            {
                o.DataDirectory = RepositoryPaths.DataDirectory;
                o.DemoAccounts = true;
            });
            return services.BuildServiceProvider();
        }).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.InitializeStoreAsync())));

            await using var db = await instances[0].GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
            var rows = (await StoreTables.CountRowsAsync(db)).ToDictionary(t => t.Table, t => t.Rows);
            Assert.Equal(SeedCsv.RegionCodes.Count, rows["Regions"]);
            Assert.Equal(SeedCsv.Releases.Count, rows["PublishedFigures"]);
            Assert.Equal(AccountSeeder.DemoAccounts.Count, rows["AspNetUsers"]);
            Assert.Equal(SeedCsv.IllustrativeReports.Select(r => (r.Month, r.Region)).Distinct().Count(), rows["Reports"]);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }
}
