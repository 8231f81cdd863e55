using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Upload;

/// <summary>Many reports stored by the same code path as one: all as new revisions in one transaction, or none.</summary>
public sealed class SaveManyTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private ReportCommands Commands => store.Get<ReportCommands>();

    [Fact]
    public async Task Reports_of_two_regions_are_stored_as_new_revisions_with_one_notification_naming_their_month()
    {
        var month = new DateOnly(2024, 11, 1);
        var almaty = await StoredReports.CurrentInputAsync(store, "KZ-75", month);
        var heard = new List<DataChange>();
        using var listening = Listen(heard);

        var result = await Commands.SaveManyAsync([almaty.WithExtra(7), StoredReports.Simple("KZ-71", month, 900)], TestUsers.Analyst());

        var saved = Assert.IsType<SaveManyResult.Saved>(result).Reports;
        Assert.Equal([("KZ-75", month, 2), ("KZ-71", month, 2)], saved.Select(r => (r.RegionCode, r.Month, r.RevisionNumber)));
        Assert.Equal(almaty.Total + 7, (await StoredReports.RevisionsAsync(store, "KZ-75", month))[^1].Total);
        Assert.Equal([new DataChange(DataChangeKind.Reports, null, month)], heard);
    }

    [Fact]
    public async Task One_forbidden_and_one_invalid_report_are_both_named_and_nothing_is_stored()
    {
        var month = new DateOnly(2024, 12, 1);
        var before = await StoreTables.CountRowsAsync(store);
        var heard = new List<DataChange>();
        using var listening = Listen(heard);

        var result = await Commands.SaveManyAsync(
            [StoredReports.Simple("KZ-75", month, 10), StoredReports.Simple("KZ-71", month, 10), StoredReports.Simple("KZ-75", month.AddMonths(-1), -1)],
            TestUsers.Officer("KZ-75"));

        var refused = Assert.IsType<SaveManyResult.Refused>(result).Reports;
        Assert.Equal([1, 2], refused.Select(r => r.Index));
        Assert.IsType<SaveResult.Forbidden>(refused[0].Reason);
        Assert.Contains(Assert.IsType<SaveResult.Invalid>(refused[1].Reason).Problems, p => p.Field == ReportField.Total);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(heard);
    }

    [Fact]
    public async Task The_same_report_twice_in_one_batch_is_refused_even_when_the_months_are_written_as_different_days()
    {
        var before = await StoreTables.CountRowsAsync(store);

        var result = await Commands.SaveManyAsync(
            [StoredReports.Simple("KZ-23", new DateOnly(2024, 10, 1), 10), StoredReports.Simple("KZ-23", new DateOnly(2024, 10, 15), 12)],
            TestUsers.Analyst());

        var refused = Assert.Single(Assert.IsType<SaveManyResult.Refused>(result).Reports);
        Assert.Equal(1, refused.Index);
        Assert.Equal(ReportField.Month, Assert.Single(Assert.IsType<SaveResult.Invalid>(refused.Reason).Problems).Field);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    private IDisposable Listen(List<DataChange> heard) =>
        store.Get<DataChangeNotifier>().Subscribe(c => { heard.Add(c); return Task.CompletedTask; });
}
