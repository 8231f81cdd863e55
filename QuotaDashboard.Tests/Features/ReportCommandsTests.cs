using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

/// <summary>Writes to its own store; each test works on a region and month of its own.</summary>
public sealed class ReportCommandsTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Each_save_adds_a_revision_keeps_the_earlier_ones_readable_and_the_current_revision_moves_once_one_is_accepted()
    {
        var month = new DateOnly(2025, 11, 1);
        var original = await StoredReports.CurrentInputAsync(store, "KZ-71", month);

        var first = await SaveAsync(original.WithExtra(3), "first officer", expectedVersion: 1);
        var second = await SaveAsync(original.WithExtra(5), "second officer", expectedVersion: 2);

        Assert.Equal(new SaveResult.Saved(2, 2, RevisionState.Submitted), first);
        Assert.Equal(new SaveResult.Saved(3, 3, RevisionState.Submitted), second);
        var revisions = await StoredReports.RevisionsAsync(store, "KZ-71", month);
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal([DatabaseSeeder.SeedUser, "first officer", "second officer"], revisions.Select(r => r.EnteredBy));
        Assert.Equal([original.Total, original.Total + 3, original.Total + 5], revisions.Select(r => r.Total));
        Assert.Equal([RevisionState.Accepted, RevisionState.Superseded, RevisionState.Submitted], revisions.Select(r => r.State));
        var report = await StoredReports.ReportAsync(store, "KZ-71", month);
        Assert.Equal(revisions[0].Id, report.CurrentRevisionId);
        Assert.True(report.IsIllustrative);

        Assert.Equal(new ReviewResult.Decided(RevisionState.Accepted),
            await store.Get<ReviewCommands>().AcceptAsync(new RevisionKey("KZ-71", month, 3), TestUsers.Analyst()));

        report = await StoredReports.ReportAsync(store, "KZ-71", month);
        Assert.Equal(revisions[^1].Id, report.CurrentRevisionId);
        Assert.Equal(3, report.Version);
        Assert.False(report.IsIllustrative);
    }

    [Fact]
    public async Task A_save_from_a_stale_screen_is_a_conflict_and_stores_nothing()
    {
        var month = new DateOnly(2025, 10, 1);
        var original = await StoredReports.CurrentInputAsync(store, "KZ-23", month);
        Assert.IsType<SaveResult.Saved>(await SaveAsync(original.WithExtra(1), "quick officer", expectedVersion: 1));
        var before = await StoreTables.CountRowsAsync(store);

        var result = await SaveAsync(original.WithExtra(2), "slow officer", expectedVersion: 1);

        Assert.Equal(new SaveResult.Conflict(2), result);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        var revisions = await StoredReports.RevisionsAsync(store, "KZ-23", month);
        Assert.Equal(original.Total + 1, revisions[^1].Total);
        Assert.DoesNotContain(revisions, r => r.EnteredBy == "slow officer");
    }

    [Fact]
    public async Task Two_saves_at_once_from_the_same_version_keep_one_and_report_a_conflict_for_the_other()
    {
        var month = new DateOnly(2025, 7, 1);
        var input = await StoredReports.CurrentInputAsync(store, "KZ-55", month);

        var results = await Task.WhenAll(
            Task.Run(() => SaveAsync(input.WithExtra(1), "officer A", expectedVersion: 1)),
            Task.Run(() => SaveAsync(input.WithExtra(2), "officer B", expectedVersion: 1)));

        var saved = Assert.Single(results.OfType<SaveResult.Saved>());
        Assert.Equal(new SaveResult.Conflict(2), Assert.Single(results.OfType<SaveResult.Conflict>()));
        var revisions = await StoredReports.RevisionsAsync(store, "KZ-55", month);
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal(saved.RevisionNumber, revisions[^1].Number);
    }

    public static TheoryData<string, ReportInput> InvalidInputs()
    {
        var month = new DateOnly(2025, 9, 1);
        var valid = StoredReports.Simple("KZ-79", month, 100);
        return new TheoryData<string, ReportInput>
        {
            { "negative total", valid with { Total = -1 } },
            { "negative category", valid with { Categories = new Dictionary<string, int> { ["cat3"] = 101, ["cat1"] = -1 } } },
            { "negative employers", valid with { Employers = -5 } },
            { "unknown region", valid with { RegionCode = "KZ-99" } },
            { "unknown sector letter", valid with { Sectors = new Dictionary<string, int> { ["Z"] = 100 } } },
            { "lower-case sector letter", valid with { Sectors = new Dictionary<string, int> { ["f"] = 100 } } },
            { "unknown category", valid with { Categories = new Dictionary<string, int> { ["cat9"] = 100 } } },
            { "unknown country code", valid with { Countries = new Dictionary<string, int> { ["XX"] = 100 } } },
            { "country name instead of code", valid with { Countries = new Dictionary<string, int> { ["China"] = 100 } } },
            { "total over the maximum", StoredReports.Simple("KZ-79", month, ReportCommands.MaxCount + 1) },
            { "local employees over the maximum", valid with { LocalEmployees = ReportCommands.MaxCount + 1 } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_input_is_refused_with_a_message_and_stores_nothing(string what, ReportInput input)
    {
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = new HeardChanges(Notifier);

        var result = await SaveAsync(input, "careless officer", expectedVersion: null);

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.NotEmpty(invalid.Problems);
        Assert.All(invalid.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Code), what));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(await heard.SoFarAsync());
    }

    [Fact]
    public async Task Markup_in_the_comment_is_stored_verbatim_not_html_encoded()
    {
        const string comment = "<script>alert('x')</script> & <b>bold</b> \"quoted\" =SUM(A1)";
        var month = new DateOnly(2025, 9, 1);
        var input = await StoredReports.CurrentInputAsync(store, "KZ-27", month) with { Comment = comment };

        Assert.IsType<SaveResult.Saved>(await SaveAsync(input, "officer <i>of</i> KZ-27", expectedVersion: null));

        var latest = (await StoredReports.RevisionsAsync(store, "KZ-27", month))[^1];
        Assert.Equal(comment, latest.Comment);
        Assert.Equal("officer <i>of</i> KZ-27", latest.EnteredBy);
    }

    [Fact]
    public async Task Each_successful_save_publishes_exactly_one_change_and_a_disposed_subscription_hears_nothing_more()
    {
        var month = new DateOnly(2025, 8, 1);
        var input = await StoredReports.CurrentInputAsync(store, "KZ-79", month);
        var heard = new HeardChanges(Notifier);
        var subscribers = Notifier.SubscriberCount;

        // An officer's save is a submission: it changes no figure that counts, and says so.
        await SaveAsync(input.WithExtra(1), "officer", expectedVersion: null);
        Assert.Equal([new DataChange(DataChangeKind.Submissions, "KZ-79", month)], await heard.SoFarAsync());
        await SaveAsync(input.WithExtra(2) with { Month = month.AddDays(14) }, "officer", expectedVersion: null);
        var twice = await heard.SoFarAsync();
        Assert.Equal(2, twice.Count);
        Assert.Equal(new DataChange(DataChangeKind.Submissions, "KZ-79", month), twice[1]);
        await SaveAsync(input.WithExtra(3), "officer", expectedVersion: 1);
        Assert.Equal(2, (await heard.SoFarAsync()).Count);

        var late = new List<DataChange>();
        var subscription = Notifier.Subscribe(c => { late.Add(c); return Task.CompletedTask; });
        subscription.Dispose();
        subscription.Dispose();
        await SaveAsync(input.WithExtra(4), "officer", expectedVersion: null);

        Assert.Equal(3, (await heard.SoFarAsync()).Count);
        Assert.Empty(late);
        heard.Dispose();
        Assert.Equal(subscribers - 1, Notifier.SubscriberCount);
        Assert.Equal(4, (await StoredReports.RevisionsAsync(store, "KZ-79", month)).Count);
    }

    [Fact]
    public async Task In_a_month_without_a_release_a_report_changes_the_national_sum_the_dashboard_shows_once_it_is_accepted_not_when_submitted()
    {
        var month = new DateOnly(2026, 1, 1);
        var queries = store.Get<DashboardQueries>();
        var before = await queries.GetDashboardAsync(month, null, TestUsers.Analyst());
        var december = await StoredReports.CurrentInputAsync(store, "KZ-75", SeedCsv.December2025);

        Assert.IsType<SaveResult.Saved>(await SaveAsync(StoredReports.Simple("KZ-75", month, december.Total + 250), "officer of KZ-75", expectedVersion: null));
        Assert.Equal(before.Workers.Value, (await queries.GetDashboardAsync(month, null, TestUsers.Analyst())).Workers.Value);
        Assert.IsType<ReviewResult.Decided>(await store.Get<ReviewCommands>().AcceptAsync(new RevisionKey("KZ-75", month, 1), TestUsers.Analyst()));

        var after = await queries.GetDashboardAsync(month, null, TestUsers.Analyst());
        Assert.Equal(SourceKind.RegionalReports, before.Workers.Source?.Kind);
        Assert.Equal((await StoredReports.LatestRegionalSumAsync(store, month)).Total, after.Workers.Value);
        Assert.Equal(before.Workers.Value + 250, after.Workers.Value);
        Assert.Equal(SourceKind.RegionalReports, after.Workers.Source?.Kind);
        Assert.Equal(december.Total + 250, (await queries.GetDashboardAsync(month, "KZ-75", TestUsers.Analyst())).Workers.Value);
    }

    [Theory]
    [InlineData("0001-01")]
    [InlineData("1900-01")]
    [InlineData("2018-12")]
    public async Task A_month_before_the_first_month_of_the_record_is_refused_with_a_message_naming_that_month_and_stores_nothing(string month)
    {
        var input = StoredReports.Simple("KZ-79", DateOnly.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), 100);
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = new HeardChanges(Notifier);

        var result = await SaveAsync(input, "officer of KZ-79", expectedVersion: null);

        var problem = Assert.Single(Assert.IsType<SaveResult.Invalid>(result).Problems);
        Assert.Equal(ReportField.Month, problem.Field);
        Assert.Equal((ReportProblems.MonthBeforeFirst, "2019-01"), (problem.Code, ((DateOnly)problem.Args[1]!).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(month, ((DateOnly)problem.Args[0]!).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(await heard.SoFarAsync());
    }

    [Fact]
    public async Task The_first_month_of_the_record_can_be_reported()
    {
        Assert.IsType<SaveResult.Saved>(await SaveAsync(StoredReports.Simple("KZ-79", new DateOnly(2019, 1, 1), 100), "officer of KZ-79", expectedVersion: null));
    }

    [Fact]
    public async Task Saving_the_current_revision_again_says_nothing_changed_and_stores_nothing()
    {
        var month = new DateOnly(2025, 6, 1);
        var current = await StoredReports.CurrentInputAsync(store, "KZ-11", month);
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = new HeardChanges(Notifier);

        var result = await SaveAsync(current with { Month = month.AddDays(9), Comment = $" {current.Comment} " }, "officer of KZ-11", expectedVersion: 1);

        Assert.Equal(new SaveResult.Unchanged(1, 1), result);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Equal(1, (await StoredReports.ReportAsync(store, "KZ-11", month)).Version);
        Assert.Empty(await heard.SoFarAsync());
    }

    public static TheoryData<string> OneChange() => ["total", "employers", "local employees", "comment", "mismatch reason", "a sector line moved to another section"];

    [Theory]
    [MemberData(nameof(OneChange))]
    public async Task A_change_to_any_one_figure_line_or_text_is_stored_as_a_new_revision(string what)
    {
        var month = new DateOnly(2025, 5, 1);
        var current = await StoredReports.CurrentInputAsync(store, "KZ-11", month);
        var version = (await StoredReports.ReportAsync(store, "KZ-11", month)).Version;
        var sector = current.Sectors.Keys.Order(StringComparer.Ordinal).First();
        var changed = what switch
        {
            "total" => current with { Total = current.Total + 1, MismatchReason = "Ten permits not yet broken down." },
            "employers" => current with { Employers = (current.Employers ?? 0) + 1 },
            "local employees" => current with { LocalEmployees = (current.LocalEmployees ?? 0) + 1 },
            "comment" => current with { Comment = "Checked against the akimat's list." },
            "mismatch reason" => current with { MismatchReason = "Nothing disagrees, but a reason is given." },
            _ => current with
            {
                Sectors = current.Sectors.Select(s => s.Key == sector ? new KeyValuePair<string, int>("U", s.Value) : s)
                    .GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value)),
            },
        };

        var result = await SaveAsync(changed, "officer of KZ-11", expectedVersion: null);

        Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal(version + 1, (await StoredReports.ReportAsync(store, "KZ-11", month)).Version);
    }

    [Fact]
    public async Task A_line_of_zero_is_not_stored_so_adding_one_changes_nothing()
    {
        var month = new DateOnly(2025, 4, 1);
        var current = await StoredReports.CurrentInputAsync(store, "KZ-11", month);

        var result = await SaveAsync(current with { Countries = current.Countries.Append(new("MN", 0)).ToDictionary() }, "officer of KZ-11", expectedVersion: 1);

        Assert.Equal(new SaveResult.Unchanged(1, 1), result);
    }

    private DataChangeNotifier Notifier => store.Get<DataChangeNotifier>();

    private Task<SaveResult> SaveAsync(ReportInput input, string enteredBy, int? expectedVersion) =>
        store.Get<ReportCommands>().SaveAsync(input, TestUsers.Officer(input.RegionCode, enteredBy), expectedVersion);
}
