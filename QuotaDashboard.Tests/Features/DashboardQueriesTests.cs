using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

public sealed class DashboardQueriesTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);

    [Fact]
    public async Task The_national_view_of_2025_12_shows_the_published_headlines_against_the_cut_quota()
    {
        DashboardExpectations.AssertHeadlinesOfDecember2025(await DashboardAsync(SeedCsv.December2025));
    }

    [Fact]
    public async Task The_national_view_of_2025_12_shows_the_published_categories_with_their_gap_and_the_named_sectors_and_countries_with_a_remainder()
    {
        DashboardExpectations.AssertBreakdownsOfDecember2025(await DashboardAsync(SeedCsv.December2025));
    }

    [Fact]
    public async Task Published_sectors_and_countries_are_listed_largest_first_like_the_regional_ones_with_the_remainder_last()
    {
        var view = await DashboardAsync(SeedCsv.December2025);

        Assert.Equal(["F", "A", "B", "C", "other"], view.Sectors.Items.Select(i => i.Key));
        Assert.Equal(["CN", "UZ", "TR", "IN", "other"], view.Countries.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task Every_national_figure_of_2025_12_names_the_published_release_and_none_is_illustrative()
    {
        DashboardExpectations.AssertEveryFigureComesFromThePublishedRelease(await DashboardAsync(SeedCsv.December2025));
    }

    [Fact]
    public async Task The_national_view_of_2024_09_sets_the_published_total_against_the_2024_quota()
    {
        var view = await DashboardAsync(new DateOnly(2024, 9, 1));

        Assert.Equal(14_346, view.Workers.Value);
        Assert.Equal(22_000, view.Quota.Units);
        Assert.Equal(65.2m, view.UsePct);
        Assert.Equal(SourceKind.PublishedRelease, view.Workers.Source?.Kind);
    }

    [Fact]
    public async Task A_release_that_gives_only_a_total_leaves_every_other_national_figure_unknown_not_zero()
    {
        var view = await DashboardAsync(new DateOnly(2024, 5, 1));

        Assert.Equal(13_733, view.Workers.Value);
        Assert.Equal(SourceKind.PublishedRelease, view.Workers.Source?.Kind);
        Assert.Null(view.Employers.Value);
        Assert.Null(view.LocalEmployees.Value);
        Assert.Null(view.LocalSharePct.Value);
        Assert.Empty(view.Categories.Items);
        Assert.Null(view.Categories.Gap);
        Assert.Empty(view.Sectors.Items);
        Assert.Empty(view.Countries.Items);
    }

    [Fact]
    public async Task A_release_that_stated_only_its_month_is_named_without_an_invented_day()
    {
        var view = await DashboardAsync(new DateOnly(2025, 3, 1));

        Assert.Equal(13_584, view.Workers.Value);
        Assert.Equal(new DateOnly(2025, 3, 1), view.Workers.Source?.ReleaseAsOf);
        Assert.False(view.Workers.Source?.ReleaseDayStated);
    }

    [Fact]
    public async Task A_month_without_a_release_shows_the_sum_of_the_regional_reports_marked_illustrative()
    {
        var (expected, regions) = await StoredReports.LatestRegionalSumAsync(store, June2025);

        var view = await DashboardAsync(June2025);

        Assert.Equal(20, regions);
        Assert.Equal(expected, view.Workers.Value);
        Assert.Equal(SourceKind.RegionalReports, view.Workers.Source?.Kind);
        Assert.True(view.Workers.Source?.Illustrative);
        Assert.True(view.Illustrative);
        Assert.Equal(expected, view.Categories.Sum);
        Assert.Equal(expected, view.Categories.Total);
        Assert.Equal(0L, view.Categories.Gap);
        Assert.Equal(expected, view.Sectors.Items.Sum(i => i.Count));
        Assert.Equal(expected, view.Countries.Items.Sum(i => i.Count));
        Assert.Null(view.Reconciliation.Published);
        Assert.Equal(expected, view.Reconciliation.RegionalSum);
        Assert.Equal(16_500, view.Quota.Units);
    }

    [Fact]
    public async Task One_region_shows_its_own_report_and_its_published_allocation_and_use()
    {
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-75", SeedCsv.December2025);

        var view = await DashboardAsync(SeedCsv.December2025, "KZ-75");

        Assert.Equal("KZ-75", view.Region?.Code);
        Assert.Equal(stored.Total, view.Workers.Value);
        Assert.Equal(SourceKind.RegionalReport, view.Workers.Source?.Kind);
        Assert.True(view.Workers.Source?.Illustrative);
        Assert.Equal(stored.Employers, view.Employers.Value);
        Assert.Equal(stored.Categories.Values.Sum(), view.Categories.Sum);
        Assert.Equal(DashboardExpectations.CategoryOrder.Where(stored.Categories.ContainsKey), view.Categories.Items.Select(i => i.Key));
        var own = Assert.Single(view.Ranking, r => r.Code == "KZ-75");
        Assert.Equal(1_355, own.Allocation);
        Assert.False(own.AllocationIllustrative);
        Assert.Equal(Math.Round(100m * stored.Total / 1_355, 1), view.UsePct);
        Assert.Equal(view.UsePct, own.UsePct);
        Assert.Null(view.Reconciliation.Published);
    }

    [Fact]
    public async Task A_region_shows_its_latest_report_on_or_before_the_month()
    {
        var stored = await StoredReports.CurrentInputAsync(store, "KZ-75", SeedCsv.December2025);

        var view = await DashboardAsync(new DateOnly(2026, 3, 1), "KZ-75");

        Assert.Equal(stored.Total, view.Workers.Value);
        Assert.Equal(("KZ-75", SeedCsv.December2025), (view.Workers.Source?.RegionCode, view.Workers.Source?.ReportMonth));
    }

    [Fact]
    public async Task A_region_without_a_report_on_or_before_the_month_shows_unknown_figures_not_zero()
    {
        var view = await DashboardAsync(new DateOnly(2023, 7, 1), "KZ-75");

        Assert.Equal("KZ-75", view.Region?.Code);
        Assert.Null(view.Workers.Value);
        Assert.Null(view.Workers.Source);
        Assert.Null(view.Employers.Value);
        Assert.Null(view.LocalEmployees.Value);
        Assert.Null(view.LocalSharePct.Value);
        Assert.Null(view.UsePct);
        Assert.Empty(view.Categories.Items);
        Assert.Null(view.Categories.Gap);
        Assert.Empty(view.Sectors.Items);
        Assert.Empty(view.Countries.Items);
    }

    [Fact]
    public async Task An_unknown_region_is_refused_with_KeyNotFoundException()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => DashboardAsync(SeedCsv.December2025, "KZ-99"));
    }

    [Fact]
    public async Task The_region_ranking_of_2025_12_lists_all_20_regions_by_use_of_their_allocation_descending()
    {
        await using var db = store.CreateContext();
        var totals = await db.Reports.Where(r => r.Month == SeedCsv.December2025)
            .Select(r => new { r.RegionCode, r.CurrentRevision!.Total })
            .ToDictionaryAsync(r => r.RegionCode, r => (long?)r.Total);

        var ranking = (await DashboardAsync(SeedCsv.December2025)).Ranking;

        Assert.Equal(20, ranking.Count);
        Assert.Equal(totals.Keys.Order(StringComparer.Ordinal), ranking.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(ranking, r =>
        {
            Assert.Equal(totals[r.Code], r.Workers);
            Assert.NotNull(r.Allocation);
            Assert.Equal(Math.Round(100m * r.Workers!.Value / r.Allocation!.Value, 1), r.UsePct);
        });
        Assert.Equal(ranking.Select(r => r.UsePct).OrderDescending(), ranking.Select(r => r.UsePct));
        Assert.Equal(16_700, ranking.Sum(r => r.Allocation));
    }

    [Fact]
    public async Task The_reconciliation_of_2025_12_finds_the_published_total_equal_to_the_sum_of_all_20_regions()
    {
        var reconciliation = (await DashboardAsync(SeedCsv.December2025)).Reconciliation;

        Assert.Equal(14_103, reconciliation.Published);
        Assert.Equal(14_103, reconciliation.RegionalSum);
        Assert.Equal(20, reconciliation.RegionsReporting);
        Assert.Equal(20, reconciliation.RegionCount);
        Assert.Equal(0, reconciliation.Difference);
    }

    private Task<DashboardView> DashboardAsync(DateOnly month, string? region = null) =>
        store.Get<DashboardQueries>().GetDashboardAsync(month, region, TestUsers.Analyst());
}

public sealed class DashboardReadScopeTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task An_officers_ranking_holds_their_own_region_in_the_national_and_the_regional_view()
    {
        var queries = store.Get<DashboardQueries>();
        var officer = TestUsers.Officer("KZ-75");

        var national = await queries.GetDashboardAsync(SeedCsv.December2025, null, officer);
        var regional = await queries.GetDashboardAsync(SeedCsv.December2025, "KZ-75", officer);

        Assert.Equal(["KZ-75"], national.Ranking.Select(r => r.Code));
        Assert.Equal(["KZ-75"], regional.Ranking.Select(r => r.Code));
        Assert.Equal(14_103, national.Workers.Value);
        Assert.Equal(20, (await queries.GetDashboardAsync(SeedCsv.December2025, null, TestUsers.Manager())).Ranking.Count);
    }

    [Fact]
    public async Task An_officer_asking_the_queries_for_another_region_is_refused()
    {
        var queries = store.Get<DashboardQueries>();
        var officer = TestUsers.Officer("KZ-75");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queries.GetDashboardAsync(SeedCsv.December2025, "KZ-71", officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queries.GetSeriesAsync("KZ-71", officer));
    }
}
