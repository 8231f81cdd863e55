using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>
/// The approval of regional reports over a real SQLite store: who may submit, accept and return, and what counts meanwhile.
/// Each test works on a region and month of its own.
/// </summary>
public sealed class ReportApprovalTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly ClaimsPrincipal Analyst = TestUsers.Analyst("analyst.reviewer@test.kz");

    private ReportCommands Commands => store.Get<ReportCommands>();

    private ReviewCommands Review => store.Get<ReviewCommands>();

    private ApprovalQueries Approvals => store.Get<ApprovalQueries>();

    private static ClaimsPrincipal OfficerOf(string region) => TestUsers.Officer(region, $"officer.{region}@test.kz");

    private async Task<SaveResult.Saved> SubmitAsync(ReportInput input)
    {
        var saved = Assert.IsType<SaveResult.Saved>(await Commands.SaveAsync(input, OfficerOf(input.RegionCode), null));
        Assert.Equal(RevisionState.Submitted, saved.State);
        return saved;
    }

    private async Task<long> WorkersAsync(DateOnly month, string? region) =>
        (await store.Get<DashboardQueries>().GetDashboardAsync(month, region, Analyst)).Workers.Value ?? 0;

    [Fact]
    public async Task An_officers_save_is_submitted_counts_nowhere_and_counts_once_an_analyst_accepts_it()
    {
        var month = new DateOnly(2025, 10, 1);
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-35", month);
        var before = await StoredReports.ReportAsync(store, "KZ-35", month);
        var regionBefore = await WorkersAsync(month, "KZ-35");
        var (sumBefore, _) = await StoredReports.LatestRegionalSumAsync(store, month);

        var saved = await SubmitAsync(stored.WithExtra(40));

        Assert.Equal((2, 2), (saved.RevisionNumber, saved.Version));
        var report = await StoredReports.ReportAsync(store, "KZ-35", month);
        Assert.Equal(before.CurrentRevisionId, report.CurrentRevisionId);
        Assert.True(report.IsIllustrative);
        // Computed afresh from the store, not served from views kept from before the submission.
        await store.Get<DashboardCache>().ForgetAsync(DataChange.Anything);
        Assert.Equal(regionBefore, await WorkersAsync(month, "KZ-35"));
        Assert.Equal(sumBefore, (await StoredReports.LatestRegionalSumAsync(store, month)).Total);

        Assert.Equal(new ReviewResult.Decided(RevisionState.Accepted), await Review.AcceptAsync(new RevisionKey("KZ-35", month, 2), Analyst));

        var revisions = await StoredReports.RevisionsAsync(store, "KZ-35", month);
        report = await StoredReports.ReportAsync(store, "KZ-35", month);
        Assert.Equal(revisions[1].Id, report.CurrentRevisionId);
        Assert.False(report.IsIllustrative);
        Assert.Equal((RevisionState.Accepted, "analyst.reviewer@test.kz"), (revisions[1].State, revisions[1].DecidedBy));
        Assert.NotNull(revisions[1].DecidedAtUtc);
        Assert.Equal(regionBefore + 40, await WorkersAsync(month, "KZ-35"));
    }

    [Fact]
    public async Task A_returned_submission_shows_the_officer_its_reason_and_their_correction_is_a_new_submission()
    {
        const string reason = "Category 3 counts the <b>seasonal</b> workers twice; check the akimat's list.";
        var month = new DateOnly(2025, 9, 1);
        var officer = OfficerOf("KZ-39");
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-39", month);
        await SubmitAsync(stored.WithExtra(15));

        Assert.Equal(new ReviewResult.Decided(RevisionState.Returned), await Review.ReturnAsync(new RevisionKey("KZ-39", month, 2), $"  {reason} ", Analyst));

        var status = Assert.Single(await Approvals.GetRegionStatusAsync("KZ-39", officer), s => s.Month == month);
        Assert.Equal((2, RevisionState.Returned, reason, "analyst.reviewer@test.kz", 1), (status.Number, status.State, status.ReturnReason, status.DecidedBy, status.AcceptedNumber));
        var standing = await store.Get<ReportQueries>().GetStandingAsync("KZ-39", month, officer);
        Assert.Equal((RevisionState.Returned, reason, 1), (standing!.Latest.State, standing.Latest.ReturnReason, standing.Accepted!.Number));
        Assert.Equal(stored.Total + 15, standing.StartFor(officer)!.Total);
        Assert.Equal(stored.Total, await WorkersAsync(month, "KZ-39"));
        Assert.DoesNotContain((await Approvals.GetQueueAsync(Analyst)).Items, i => i.RegionCode == "KZ-39");

        var corrected = await SubmitAsync(stored.WithExtra(5) with { Comment = "Seasonal workers counted once." });

        Assert.Equal(3, corrected.RevisionNumber);
        Assert.Equal([RevisionState.Accepted, RevisionState.Returned, RevisionState.Submitted],
            (await StoredReports.RevisionsAsync(store, "KZ-39", month)).Select(r => r.State));
        var waiting = Assert.Single((await Approvals.GetQueueAsync(Analyst)).Items, i => i.RegionCode == "KZ-39");
        Assert.Equal((3, 1), (waiting.Submitted.Number, waiting.Accepted!.Number));
        Assert.Equal(RevisionState.Submitted, Assert.Single(await Approvals.GetRegionStatusAsync("KZ-39", officer), s => s.Month == month).State);
    }

    public static TheoryData<string> NotAnalysts => TestUsers.NotAnalysts;

    [Theory]
    [MemberData(nameof(NotAnalysts))]
    public async Task Only_an_analyst_accepts_or_returns_and_a_refusal_changes_nothing(string who)
    {
        var month = new DateOnly(2025, 8, 1);
        var key = new RevisionKey("KZ-75", month, 2);
        if ((await StoredReports.RevisionsAsync(store, "KZ-75", month)).Count == 1)
        {
            await SubmitAsync((await StoredReports.CurrentInputAsync(store, "KZ-75", month)).WithExtra(3));
        }
        var user = TestUsers.NotAnalyst(who);
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = await HeardChanges.FromNowAsync(store.Get<DataChangeNotifier>());

        Assert.IsType<ReviewResult.Forbidden>(await Review.AcceptAsync(key, user));
        Assert.IsType<ReviewResult.Forbidden>(await Review.ReturnAsync(key, "Not mine to return.", user));

        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Equal(RevisionState.Submitted, (await StoredReports.RevisionsAsync(store, "KZ-75", month))[1].State);
        Assert.Empty(await heard.SoFarAsync());
    }

    [Fact]
    public async Task A_revision_superseded_by_a_newer_submission_cannot_be_accepted_and_the_newer_one_can()
    {
        var month = new DateOnly(2025, 7, 1);
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-43", month);
        await SubmitAsync(stored.WithExtra(1));
        var shownToAnalyst = Assert.Single((await Approvals.GetQueueAsync(Analyst)).Items, i => i.RegionCode == "KZ-43").Key;
        await SubmitAsync(stored.WithExtra(2));
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = await HeardChanges.FromNowAsync(store.Get<DataChangeNotifier>());

        var result = await Review.AcceptAsync(shownToAnalyst, Analyst);

        Assert.Equal(new ReviewResult.Conflict(RevisionState.Superseded, null), result);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(await heard.SoFarAsync());
        Assert.Equal(stored.Total, await WorkersAsync(month, "KZ-43"));
        Assert.Equal(new ReviewResult.Decided(RevisionState.Accepted), await Review.AcceptAsync(shownToAnalyst with { Number = 3 }, Analyst));
        Assert.Equal(stored.Total + 2, await WorkersAsync(month, "KZ-43"));
    }

    [Fact]
    public async Task A_revision_already_decided_cannot_be_decided_again()
    {
        var accepted = new RevisionKey("KZ-47", new DateOnly(2025, 6, 1), 2);
        var returned = new RevisionKey("KZ-47", new DateOnly(2025, 5, 1), 2);
        await SubmitAsync((await StoredReports.CurrentInputAsync(store, "KZ-47", accepted.Month)).WithExtra(6));
        await SubmitAsync((await StoredReports.CurrentInputAsync(store, "KZ-47", returned.Month)).WithExtra(6));
        var other = TestUsers.Analyst("second.analyst@test.kz");
        Assert.IsType<ReviewResult.Decided>(await Review.AcceptAsync(accepted, Analyst));
        Assert.IsType<ReviewResult.Decided>(await Review.ReturnAsync(returned, "Totals disagree with the akimat.", Analyst));
        var before = await StoreTables.CountRowsAsync(store);

        Assert.Equal(new ReviewResult.Conflict(RevisionState.Accepted, "analyst.reviewer@test.kz"), await Review.AcceptAsync(accepted, other));
        Assert.Equal(new ReviewResult.Conflict(RevisionState.Accepted, "analyst.reviewer@test.kz"), await Review.ReturnAsync(accepted, "Too late.", other));
        Assert.Equal(new ReviewResult.Conflict(RevisionState.Returned, "analyst.reviewer@test.kz"), await Review.AcceptAsync(returned, other));
        Assert.Equal(new ReviewResult.Conflict(RevisionState.Accepted, DatabaseSeeder.SeedUser), await Review.AcceptAsync(accepted with { Number = 1 }, other));

        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Equal("Totals disagree with the akimat.", (await StoredReports.RevisionsAsync(store, "KZ-47", returned.Month))[1].ReturnReason);
    }

    [Fact]
    public async Task Two_analysts_deciding_on_the_same_submission_at_once_one_decides_and_the_other_gets_a_conflict()
    {
        var month = new DateOnly(2025, 4, 1);
        await SubmitAsync((await StoredReports.CurrentInputAsync(store, "KZ-59", month)).WithExtra(9));
        var key = new RevisionKey("KZ-59", month, 2);

        var results = await Task.WhenAll(
            Task.Run(() => Review.AcceptAsync(key, TestUsers.Analyst("first.analyst@test.kz"))),
            Task.Run(() => Review.ReturnAsync(key, "Returned at the same moment.", TestUsers.Analyst("second.analyst@test.kz"))));

        var decided = Assert.Single(results.OfType<ReviewResult.Decided>());
        var conflict = Assert.Single(results.OfType<ReviewResult.Conflict>());
        Assert.Equal(decided.State, conflict.State);
        var revision = (await StoredReports.RevisionsAsync(store, "KZ-59", month))[1];
        Assert.Equal(decided.State, revision.State);
        Assert.Equal(decided.State == RevisionState.Returned, revision.ReturnReason is not null);
        var report = await StoredReports.ReportAsync(store, "KZ-59", month);
        Assert.Equal(decided.State == RevisionState.Accepted, report.CurrentRevisionId == revision.Id);
    }

    [Fact]
    public async Task An_analysts_own_save_is_accepted_at_once_and_supersedes_a_submission_waiting_for_review()
    {
        var month = new DateOnly(2025, 3, 1);
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-61", month);
        await SubmitAsync(stored.WithExtra(4));

        var saved = Assert.IsType<SaveResult.Saved>(await Commands.SaveAsync(stored.WithExtra(8), Analyst, null));

        Assert.Equal((3, RevisionState.Accepted), (saved.RevisionNumber, saved.State));
        var revisions = await StoredReports.RevisionsAsync(store, "KZ-61", month);
        Assert.Equal([RevisionState.Accepted, RevisionState.Superseded, RevisionState.Accepted], revisions.Select(r => r.State));
        Assert.Equal("analyst.reviewer@test.kz", revisions[2].DecidedBy);
        Assert.Equal(revisions[2].EnteredAtUtc, revisions[2].DecidedAtUtc);
        Assert.Equal(revisions[2].Id, (await StoredReports.ReportAsync(store, "KZ-61", month)).CurrentRevisionId);
        Assert.Equal(stored.Total + 8, await WorkersAsync(month, "KZ-61"));
        Assert.IsType<ReviewResult.Conflict>(await Review.AcceptAsync(new RevisionKey("KZ-61", month, 2), Analyst));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task A_return_without_a_reason_is_refused_with_a_message_in_the_readers_language_and_stores_nothing(string? reason)
    {
        var month = new DateOnly(2025, 2, 1);
        if ((await StoredReports.RevisionsAsync(store, "KZ-62", month)).Count == 1)
        {
            await SubmitAsync((await StoredReports.CurrentInputAsync(store, "KZ-62", month)).WithExtra(2));
        }
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = await HeardChanges.FromNowAsync(store.Get<DataChangeNotifier>());

        var result = await Review.ReturnAsync(new RevisionKey("KZ-62", month, 2), reason, Analyst);

        var problem = Assert.Single(Assert.IsType<ReviewResult.Invalid>(result).Problems);
        Assert.Equal((ReviewField.Reason, "review.reason.required"), (problem.Field, problem.Code));
        Assert.Equal("Give the reason for returning the report: the officer reads it beside the report.", Worded(problem, "en-US"));
        Assert.Equal("Укажите причину возврата: сотрудник региона увидит её рядом с отчётом.", Worded(problem, "ru-RU"));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(await heard.SoFarAsync());
        Assert.Equal(RevisionState.Submitted, (await StoredReports.RevisionsAsync(store, "KZ-62", month))[1].State);
    }

    [Fact]
    public async Task A_reason_too_long_or_a_revision_that_does_not_exist_is_refused_with_a_message_and_stores_nothing()
    {
        var month = new DateOnly(2025, 1, 1);
        await SubmitAsync((await StoredReports.CurrentInputAsync(store, "KZ-62", month)).WithExtra(2));
        var before = await StoreTables.CountRowsAsync(store);

        var tooLong = await Review.ReturnAsync(new RevisionKey("KZ-62", month, 2), new string('x', ReportCommands.MaxTextLength + 1), Analyst);
        var unknown = await Review.AcceptAsync(new RevisionKey("KZ-62", month, 7), Analyst);
        var noReport = await Review.AcceptAsync(new RevisionKey("KZ-62", new DateOnly(2026, 2, 1), 1), Analyst);

        var p1 = Assert.Single(Assert.IsType<ReviewResult.Invalid>(tooLong).Problems);
        Assert.Equal((ReviewField.Reason, "At most 2000 characters, not 2001."), (p1.Field, Worded(p1, "en-US")));
        var p2 = Assert.Single(Assert.IsType<ReviewResult.Invalid>(unknown).Problems);
        Assert.Equal((ReviewField.Revision, "There is no revision 7 of the report of KZ-62 for January 2025."), (p2.Field, Worded(p2, "en-US")));
        Assert.Equal("Редакции 7 отчёта KZ-62 за январь 2025 нет.", Worded(p2, "ru-RU"));
        Assert.Equal("review.revision.unknown", Assert.Single(Assert.IsType<ReviewResult.Invalid>(noReport).Problems).Code);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Fact]
    public async Task Every_step_is_audited_with_who_did_it_and_what_it_changed()
    {
        var month = new DateOnly(2024, 12, 1);
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-63", month);
        long first;
        await using (var db = store.CreateContext())
        {
            first = await db.Audit.MaxAsync(a => (long?)a.Id) ?? 0;
        }

        await SubmitAsync(stored.WithExtra(1));
        await SubmitAsync(stored.WithExtra(2));
        await Review.ReturnAsync(new RevisionKey("KZ-63", month, 3), "Check the sectors.", Analyst);
        await SubmitAsync(stored.WithExtra(3));
        await Review.AcceptAsync(new RevisionKey("KZ-63", month, 4), Analyst);

        await using var check = store.CreateContext();
        var entries = await check.Audit.AsNoTracking().Where(a => a.Id > first && a.Subject == "KZ-63 2024-12").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
        [
            ("officer.KZ-63@test.kz", "report.submit"),
            ("officer.KZ-63@test.kz", "report.supersede"),
            ("officer.KZ-63@test.kz", "report.submit"),
            ("analyst.reviewer@test.kz", "report.return"),
            ("officer.KZ-63@test.kz", "report.submit"),
            ("analyst.reviewer@test.kz", "report.accept"),
        ], entries.Select(e => (e.User, e.Action)));
        Assert.Contains("\"SupersededBy\":3", entries[1].After);
        Assert.Contains("Check the sectors.", entries[3].After);
        Assert.Contains($"\"Total\":{stored.Total}", entries[5].Before);
        Assert.Contains($"\"Total\":{stored.Total + 3}", entries[5].After);
    }

    [Fact]
    public async Task A_submission_or_a_return_is_announced_as_such_and_an_acceptance_as_a_change_of_the_reports_that_count()
    {
        var month = new DateOnly(2024, 11, 1);
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-33", month);
        using var heard = await HeardChanges.FromNowAsync(store.Get<DataChangeNotifier>());

        await SubmitAsync(stored.WithExtra(1));
        await Review.ReturnAsync(new RevisionKey("KZ-33", month, 2), "Check the countries.", Analyst);
        await SubmitAsync(stored.WithExtra(2));
        await Review.AcceptAsync(new RevisionKey("KZ-33", month, 3), Analyst);

        Assert.Equal(
        [
            new DataChange(DataChangeKind.Submissions, "KZ-33", month),
            new DataChange(DataChangeKind.Submissions, "KZ-33", month),
            new DataChange(DataChangeKind.Submissions, "KZ-33", month),
            new DataChange(DataChangeKind.Reports, "KZ-33", month),
        ], await heard.SoFarAsync());
    }

    [Fact]
    public void A_submission_forgets_only_the_counts_of_what_waits_and_an_acceptance_forgets_the_views_of_its_month_and_later()
    {
        var month = new DateOnly(2025, 10, 1);

        Assert.Equal([ApprovalQueries.PendingTag], DashboardCache.TagsTouchedBy(new DataChange(DataChangeKind.Submissions, "KZ-75", month), new DateOnly(2025, 12, 1)));
        var accepted = DashboardCache.TagsTouchedBy(new DataChange(DataChangeKind.Reports, "KZ-75", month), new DateOnly(2025, 12, 1));
        Assert.Contains("month:2025-10", accepted);
        Assert.Contains(ApprovalQueries.PendingTag, accepted);
    }

    [Fact]
    public async Task The_queue_shows_each_submission_oldest_first_beside_the_accepted_revision_with_what_changed_its_reason_and_comment()
    {
        var month = new DateOnly(2024, 10, 1);
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-10", month);
        var category = stored.Categories.Keys.Order(StringComparer.Ordinal).First();
        await SubmitAsync(stored with
        {
            Total = stored.Total + 10,
            Categories = stored.Categories.ToDictionary(c => c.Key, c => c.Key == category ? c.Value + 10 : c.Value),
            Countries = new Dictionary<string, int>(stored.Countries) { ["MN"] = 10 },
            Comment = "Ten herders from Mongolia <i>registered</i> late.",
            MismatchReason = "Sectors follow next month.",
        });
        await SubmitAsync(StoredReports.Simple("KZ-10", new DateOnly(2026, 3, 1), 250));

        var queue = await Approvals.GetQueueAsync(Analyst);

        var items = queue.Items.Where(i => i.RegionCode == "KZ-10").ToList();
        Assert.Equal([month, new DateOnly(2026, 3, 1)], items.Select(i => i.Month));
        Assert.Equal(queue.Items.Count, queue.Count);
        Assert.Equal(queue.Items.OrderBy(i => i.Submitted.EnteredAtUtc).Select(i => i.Key), queue.Items.Select(i => i.Key));
        var changed = items[0];
        Assert.Equal((1, 2), (changed.Accepted!.Number, changed.Submitted.Number));
        Assert.Equal<ReportChange>(
        [
            new CountChange(ChangedField.Total, null, stored.Total, stored.Total + 10),
            new CountChange(ChangedField.Category, category, stored.Categories[category], stored.Categories[category] + 10),
            new CountChange(ChangedField.Country, "MN", null, 10),
            new TextChange(ChangedField.Comment, stored.Comment, "Ten herders from Mongolia <i>registered</i> late."),
            new TextChange(ChangedField.MismatchReason, stored.MismatchReason, "Sectors follow next month."),
        ], changed.Changes);
        Assert.Equal("Sectors follow next month.", changed.Submitted.MismatchReason);
        var first = items[1];
        Assert.Null(first.Accepted);
        Assert.Empty(first.Changes);
        Assert.Equal(250, first.Submitted.Total);
        Assert.Equal(1, await Approvals.PendingCountAsync(new DateOnly(2026, 3, 1), "KZ-10", Analyst));
    }

    [Fact]
    public async Task The_count_of_what_waits_is_counted_once_and_again_after_each_submission_and_decision()
    {
        var month = new DateOnly(2026, 5, 1);
        Assert.Equal(0, await Approvals.PendingCountAsync(month, "KZ-11", Analyst));

        var saved = await SubmitAsync(StoredReports.Simple("KZ-11", month, 140));
        Assert.Equal(1, await Approvals.PendingCountAsync(month, "KZ-11", Analyst));

        Assert.Equal(new ReviewResult.Decided(RevisionState.Accepted), await Review.AcceptAsync(new RevisionKey("KZ-11", month, saved.RevisionNumber), Analyst));
        Assert.Equal(0, await Approvals.PendingCountAsync(month, "KZ-11", Analyst));
    }

    [Fact]
    public async Task An_officer_sees_neither_the_queue_nor_the_state_nor_the_pending_count_of_another_region()
    {
        var month = new DateOnly(2026, 4, 1);
        await SubmitAsync(StoredReports.Simple("KZ-15", month, 120));
        await SubmitAsync(StoredReports.Simple("KZ-19", month, 130));
        var officer = OfficerOf("KZ-15");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Approvals.GetQueueAsync(officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Approvals.GetQueueAsync(TestUsers.Manager()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Approvals.GetRegionStatusAsync("KZ-19", officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Approvals.PendingCountAsync(month, "KZ-19", officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.Get<ReportQueries>().GetStandingAsync("KZ-19", month, officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Approvals.GetRegionStatusAsync("KZ-15", new ClaimsPrincipal()));

        Assert.Equal(1, await Approvals.PendingCountAsync(month, null, officer));
        Assert.Equal(1, await Approvals.PendingCountAsync(month, "KZ-15", officer));
        Assert.Equal(2, await Approvals.PendingCountAsync(month, null, Analyst));
        Assert.Equal(2, await Approvals.PendingCountAsync(month, null, TestUsers.Manager()));
        Assert.Equal(0, await Approvals.PendingCountAsync(month, null, TestUsers.Officer("KZ-75")));
        Assert.Equal([month], (await Approvals.GetRegionStatusAsync("KZ-15", officer)).Where(s => s.State == RevisionState.Submitted).Select(s => s.Month));
    }

    [Fact]
    public async Task The_seeded_illustrative_reports_are_accepted_and_nothing_of_them_waits_for_review()
    {
        await using var db = store.CreateContext();

        var seeded = await db.Revisions.AsNoTracking().Where(v => v.EnteredBy == DatabaseSeeder.SeedUser)
            .GroupBy(v => new { v.State, v.DecidedBy }).Select(g => new { g.Key.State, g.Key.DecidedBy, Count = g.Count() }).ToListAsync();

        var only = Assert.Single(seeded);
        Assert.Equal((RevisionState.Accepted, DatabaseSeeder.SeedUser), (only.State, only.DecidedBy));
        Assert.Equal(SeedCsv.IllustrativeReports.Select(r => (r.Region, r.Month)).Distinct().Count(), only.Count);
        Assert.Equal(0, await Approvals.PendingCountAsync(new DateOnly(2025, 12, 1), null, Analyst));
    }

    private string Worded(Problem problem, string culture)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return store.Get<IStringLocalizer<SharedResource>>().Describe(problem);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
