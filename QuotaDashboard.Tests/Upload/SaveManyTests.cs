using QuotaDashboard.Data;
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
        using var heard = new HeardChanges(store.Get<DataChangeNotifier>());

        var result = await Commands.SaveManyAsync([almaty.WithExtra(7), StoredReports.Simple("KZ-71", month, 900)], TestUsers.Analyst());

        var saved = Assert.IsType<SaveManyResult.Saved>(result).Reports;
        Assert.Equal([("KZ-75", month, 2), ("KZ-71", month, 2)], saved.Select(r => (r.RegionCode, r.Month, r.RevisionNumber)));
        Assert.Equal(almaty.Total + 7, (await StoredReports.RevisionsAsync(store, "KZ-75", month))[^1].Total);
        Assert.Equal([new DataChange(DataChangeKind.Reports, null, month)], await heard.SoFarAsync());
    }

    [Fact]
    public async Task One_forbidden_and_one_invalid_report_are_both_named_and_nothing_is_stored()
    {
        var month = new DateOnly(2024, 12, 1);
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = new HeardChanges(store.Get<DataChangeNotifier>());

        var result = await Commands.SaveManyAsync(
            [StoredReports.Simple("KZ-75", month, 10), StoredReports.Simple("KZ-71", month, 10), StoredReports.Simple("KZ-75", month.AddMonths(-1), -1)],
            TestUsers.Officer("KZ-75"));

        var refused = Assert.IsType<SaveManyResult.Refused>(result).Reports;
        Assert.Equal([1, 2], refused.Select(r => r.Index));
        Assert.IsType<SaveResult.Forbidden>(refused[0].Reason);
        Assert.Contains(Assert.IsType<SaveResult.Invalid>(refused[1].Reason).Problems, p => p.Field == ReportField.Total);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(await heard.SoFarAsync());
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

    [Fact]
    public async Task A_batch_with_a_month_before_the_record_is_refused_whole_by_saving_and_by_checking()
    {
        var before = await StoreTables.CountRowsAsync(store);
        ReportInput[] batch = [StoredReports.Simple("KZ-23", new DateOnly(2024, 9, 1), 10), StoredReports.Simple("KZ-23", new DateOnly(1, 1, 1), 10)];

        var checkedBatch = await Commands.CheckManyAsync(batch, TestUsers.Analyst());
        var result = await Commands.SaveManyAsync(batch, TestUsers.Analyst());

        foreach (var refused in new[] { Assert.Single(checkedBatch), Assert.Single(Assert.IsType<SaveManyResult.Refused>(result).Reports) })
        {
            Assert.Equal(1, refused.Index);
            var problem = Assert.Single(Assert.IsType<SaveResult.Invalid>(refused.Reason).Problems);
            Assert.Equal((ReportField.Month, ReportProblems.MonthBeforeFirst), (problem.Field, problem.Code));
            Assert.Equal([new DateOnly(1, 1, 1), new DateOnly(2019, 1, 1)], problem.Args);
        }
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Fact]
    public async Task In_a_batch_unchanged_reports_are_named_as_unchanged_and_only_the_changed_ones_are_stored_audited_and_announced()
    {
        var month = new DateOnly(2024, 7, 1);
        var almaty = await StoredReports.CurrentInputAsync(store, "KZ-75", month);
        var astana = await StoredReports.CurrentInputAsync(store, "KZ-71", month);
        var before = await CountsAsync();
        using var heard = new HeardChanges(store.Get<DataChangeNotifier>());

        var result = await Commands.SaveManyAsync([almaty, astana.WithExtra(4)], TestUsers.Analyst());

        var reports = Assert.IsType<SaveManyResult.Saved>(result).Reports;
        Assert.Equal([new SavedReport("KZ-75", month, 1, 1, RevisionState.Accepted, Unchanged: true), new SavedReport("KZ-71", month, 2, 2, RevisionState.Accepted)], reports);
        var after = await CountsAsync();
        Assert.Equal(before["Revisions"] + 1, after["Revisions"]);
        Assert.Equal(before["Audit"] + 1, after["Audit"]);
        Assert.Single(await StoredReports.RevisionsAsync(store, "KZ-75", month));
        Assert.Equal([new DataChange(DataChangeKind.Reports, "KZ-71", month)], await heard.SoFarAsync());
    }

    [Fact]
    public async Task A_batch_in_which_nothing_changed_stores_nothing_and_tells_no_one()
    {
        var month = new DateOnly(2024, 6, 1);
        ReportInput[] batch = [await StoredReports.CurrentInputAsync(store, "KZ-75", month), await StoredReports.CurrentInputAsync(store, "KZ-71", month)];
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = new HeardChanges(store.Get<DataChangeNotifier>());

        var result = await Commands.SaveManyAsync(batch, TestUsers.Analyst());

        Assert.All(Assert.IsType<SaveManyResult.Saved>(result).Reports, r => Assert.True(r.Unchanged));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(await heard.SoFarAsync());
    }

    private async Task<Dictionary<string, long>> CountsAsync() =>
        (await StoreTables.CountRowsAsync(store)).ToDictionary(t => t.Table, t => t.Rows);

}
