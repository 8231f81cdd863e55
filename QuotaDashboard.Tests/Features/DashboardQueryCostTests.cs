using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Reference;
using QuotaDashboard.Hosting;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

/// <summary>One SQL command as the store received it.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>Counts every SQL command the store executes, and keeps its text and parameters.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<RecordedCommand> _commands = new();

    public int Count => _commands.Count;

    public IReadOnlyList<RecordedCommand> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    private void Record(DbCommand command) =>
        _commands.Enqueue(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>A seeded store of its own whose commands are counted; the tests add reports to it.</summary>
public sealed class CountedDatabase : IAsyncLifetime
{
    private ServiceProvider? _services;

    public TestStore Store { get; } = TestStore.New();

    public string File => Store.File;

    public CommandCounter Counter { get; } = new();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddQuotaDashboardCore(Store.Settings, configureStore: o => o.AddInterceptors(Counter));
        services.Configure<SeedOptions>(o => o.DataDirectory = RepositoryPaths.DataDirectory);
        _services = services.BuildServiceProvider();
        await _services.InitializeStoreAsync();
    }

    public QuotaDbContext CreateContext() => Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContext();

    /// <summary>The number of SQL commands one call costs.</summary>
    public async Task<(int Commands, T Result)> MeasureAsync<T>(Func<IServiceProvider, Task<T>> call)
    {
        var (commands, result) = await RecordAsync(call);
        return (commands.Count, result);
    }

    /// <summary>The SQL commands one call sends.</summary>
    public async Task<(IReadOnlyList<RecordedCommand> Commands, T Result)> RecordAsync<T>(Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = Services.CreateAsyncScope();
        Counter.Reset();
        var result = await call(scope.ServiceProvider);
        return (Counter.Commands, result);
    }

    /// <summary>
    /// A month view computed afresh, as the first viewer after a change pays for it; the names of regions and categories, read
    /// once for the life of the app, are read before.
    /// </summary>
    public async Task<(IReadOnlyList<RecordedCommand> Commands, DashboardView View)> RecordDashboardAsync(DateOnly month, string? region)
    {
        await Services.GetRequiredService<ReferenceNames>().GetAsync();
        await Services.GetRequiredService<DashboardCache>().ForgetAsync(QuotaDashboard.Features.Live.DataChange.Anything);
        return await RecordAsync(s => s.GetRequiredService<DashboardQueries>().GetDashboardAsync(month, region, TestUsers.Analyst()));
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        Store.Dispose();
    }
}

public sealed class DashboardQueryCostTests(CountedDatabase store) : IClassFixture<CountedDatabase>
{
    private const int MaxCommands = 6;
    private const int ExtraMonths = 60;

    internal static readonly (DateOnly Month, string? Region)[] Views =
    [
        (SeedCsv.December2025, null),
        (SeedCsv.December2025, "KZ-75"),
        (new DateOnly(2025, 6, 1), null),
        (new DateOnly(2026, 1, 1), null),
    ];

    [Fact]
    public async Task The_dashboard_costs_the_same_few_commands_however_many_reports_the_store_holds()
    {
        var before = await MeasureAllAsync();

        var added = await AddReportsBeforeTheSeededOnesAsync();

        var after = await MeasureAllAsync();
        Assert.Equal(SeedCsv.RegionCodes.Count * ExtraMonths, added);
        Assert.All(before, b => Assert.InRange(b.Commands, 1, MaxCommands - 1));
        // The nation: latest reports, their lines, the release of the month, the quota and its allocations; a region has no release.
        Assert.Equal([5, 4, 5, 5], before.Select(b => b.Commands));
        Assert.Equal(before.Select(b => b.Commands), after.Select(a => a.Commands));
        // The older reports are not the latest of any region, so the figures stay as they were.
        Assert.Equal(before.Select(b => b.Workers), after.Select(a => a.Workers));
        Assert.Equal(14_103, after[0].Workers);
    }

    private async Task<List<(int Commands, long? Workers)>> MeasureAllAsync()
    {
        var results = new List<(int, long?)>();
        foreach (var (month, region) in Views)
        {
            // The rows were written past the commands, straight through a context.
            var (commands, view) = await store.RecordDashboardAsync(month, region);
            results.Add((commands.Count, view.Workers.Value));
        }
        return results;
    }

    /// <summary>Five more years of reports for every region, before the illustrative ones begin, written straight through the context.</summary>
    private async Task<int> AddReportsBeforeTheSeededOnesAsync()
    {
        await using var db = store.CreateContext();
        var reports = (
                from m in Enumerable.Range(1, ExtraMonths)
                from region in SeedCsv.RegionCodes
                let total = 100 + m
                select new PermitReport
                {
                    RegionCode = region,
                    Month = SeedCsv.FirstRegionalMonth.AddMonths(-m),
                    Version = 1,
                    Revisions =
                    [
                        new PermitReportRevision
                        {
                            Number = 1, Total = total, EnteredBy = "cost test", EnteredAtUtc = DateTime.UtcNow,
                            Lines =
                            [
                                new BreakdownLine { Dimension = Breakdown.Category, Key = "cat3", Count = total },
                                new BreakdownLine { Dimension = Breakdown.Sector, Key = "F", Count = total },
                                new BreakdownLine { Dimension = Breakdown.Country, Key = "CN", Count = total },
                            ],
                        },
                    ],
                })
            .ToList();
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
        foreach (var report in reports)
        {
            report.CurrentRevisionId = report.Revisions[0].Id;
        }
        await db.SaveChangesAsync();
        return reports.Count;
    }
}
