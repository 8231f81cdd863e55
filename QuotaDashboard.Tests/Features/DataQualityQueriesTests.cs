using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

public sealed class DataQualityQueriesTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Exactly_the_five_category_gaps_of_the_record_are_breakdown_gap_issues()
    {
        var gaps = (await IssuesAsync()).Where(i => i.Kind == QualityKind.BreakdownGap)
            .OrderBy(i => i.Date)
            .Select(i => (i.Date, i.Subject, i.Expected, Gap: i.Actual - i.Expected))
            .ToList();

        Assert.Equal(
            [
                (new DateOnly(2021, 5, 1), "categories", 15_443m, -1_000m),
                (new DateOnly(2025, 9, 1), "categories", 15_054m, 1m),
                (new DateOnly(2025, 10, 1), "categories", 14_666m, 1m),
                (new DateOnly(2025, 11, 1), "categories", 14_463m, 1m),
                (new DateOnly(2025, 12, 1), "categories", 14_103m, 2m),
            ],
            gaps.Select(g => (g.Date!.Value, g.Subject, g.Expected!.Value, g.Gap!.Value)));
    }

    [Fact]
    public async Task The_2025_quota_revisions_imply_two_different_labour_forces_of_about_7_40_and_7_76_million()
    {
        var issues = (await IssuesAsync()).Where(i => i.Kind == QualityKind.QuotaLabourForce).ToList();

        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Contains("2025", i.Subject, StringComparison.Ordinal));
        Assert.Equal([(14_800m, 7_400_000m), (19_400m, 7_760_000m)], issues.Select(i => (i.Expected!.Value, i.Actual!.Value)).Order());
    }

    [Fact]
    public async Task Every_note_of_the_release_file_is_listed_as_a_source_note()
    {
        var notes = (await IssuesAsync()).Where(i => i.Kind == QualityKind.SourceNote).Select(i => (i.Date!.Value, i.Detail!)).ToList();

        Assert.Equal(
            SeedCsv.Releases.Where(r => r.Note.Length > 0).Select(r => (r.AsOfDate, r.Note)).Distinct().Order(),
            notes.Order());
        Assert.Contains(notes, n => n.Item1 == new DateOnly(2024, 4, 1) && n.Item2.Contains("seasonal 2 458 and intra-corporate 1 196", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_seeded_store_has_no_published_vs_regional_issue_and_no_regional_mismatch()
    {
        var issues = await IssuesAsync();

        Assert.DoesNotContain(issues, i => i.Kind == QualityKind.PublishedVsRegional);
        Assert.DoesNotContain(issues, i => i.Kind == QualityKind.RegionalMismatch);
    }

    private Task<IReadOnlyList<QualityIssue>> IssuesAsync() => store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst());
}

/// <summary>Writes to its own store: what the data-quality panel finds once an officer's report is accepted, and not before.</summary>
public sealed class DataQualityAfterSavingTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_report_accepted_on_a_release_date_raises_a_published_vs_regional_issue_and_the_nation_still_shows_the_published_total()
    {
        var report = await StoredReports.ReportAsync(store, "KZ-75", SeedCsv.December2025);
        var input = (await StoredReports.CurrentInputAsync(store, "KZ-75", SeedCsv.December2025)).WithExtra(7);

        Assert.IsType<SaveResult.Saved>(await store.Get<ReportCommands>().SaveAsync(input, TestUsers.Officer("KZ-75", "officer of KZ-75"), report.Version));
        Assert.DoesNotContain(await store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst()), i => i.Kind == QualityKind.PublishedVsRegional);
        await StoredReports.AcceptSubmittedAsync(store, "KZ-75", SeedCsv.December2025);

        var issue = Assert.Single(await store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst()), i => i.Kind == QualityKind.PublishedVsRegional);
        Assert.Equal(SeedCsv.December2025, issue.Date);
        Assert.Equal(14_103m, issue.Expected);
        Assert.Equal(14_110m, issue.Actual);

        var view = await store.Get<DashboardQueries>().GetDashboardAsync(SeedCsv.December2025, null, TestUsers.Analyst());
        Assert.Equal(14_103, view.Workers.Value);
        Assert.Equal(SourceKind.PublishedRelease, view.Workers.Source?.Kind);
        Assert.Equal(14_110, view.Reconciliation.RegionalSum);
        Assert.Equal(7, view.Reconciliation.Difference);
    }

    [Fact]
    public async Task An_accepted_report_whose_categories_do_not_add_up_is_listed_with_the_officers_reason()
    {
        var month = new DateOnly(2025, 11, 1);
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-71", month);
        var input = stored with
        {
            Categories = stored.Categories.ToDictionary(c => c.Key, c => c.Key == "cat3" ? c.Value + 5 : c.Value),
            MismatchReason = "five specialists counted twice by the district office",
        };

        Assert.IsType<SaveResult.Saved>(await store.Get<ReportCommands>().SaveAsync(input, TestUsers.Officer("KZ-71", "officer of KZ-71"), null));
        Assert.DoesNotContain(await store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst()), i => i.Kind == QualityKind.RegionalMismatch);
        await StoredReports.AcceptSubmittedAsync(store, "KZ-71", month);

        var issue = Assert.Single(await store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst()), i => i.Kind == QualityKind.RegionalMismatch);
        Assert.Equal(month, issue.Date);
        Assert.Equal("KZ-71 category", issue.Subject);
        Assert.Equal(stored.Total, issue.Expected);
        Assert.Equal(stored.Total + 5, issue.Actual);
        Assert.Equal(input.MismatchReason, issue.Detail);
        Assert.Equal("KZ-71", issue.RegionCode);

        var almaty = await store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Officer("KZ-75"));
        Assert.DoesNotContain(almaty, i => i.Kind == QualityKind.RegionalMismatch);
        Assert.Contains(almaty, i => i.Kind == QualityKind.BreakdownGap);
        Assert.Contains(await store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Officer("KZ-71")), i => i.Kind == QualityKind.RegionalMismatch);
    }
}
