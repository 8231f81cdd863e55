using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

public sealed class DashboardCacheTests(CountedDatabase store) : IClassFixture<CountedDatabase>
{
    private static readonly DateOnly June = new(2025, 6, 1);
    private static readonly DateOnly May = new(2025, 5, 1);
    private static readonly DateOnly December = new(2025, 12, 1);

    private Task ForgetAllAsync() => store.Services.GetRequiredService<DashboardCache>().ForgetAsync(DataChange.Anything).AsTask();

    private Task<(int Commands, DashboardView Result)> DashboardAsync(DateOnly month, string? region, System.Security.Claims.ClaimsPrincipal? reader = null) =>
        store.MeasureAsync(s => s.GetRequiredService<DashboardQueries>().GetDashboardAsync(month, region, reader ?? TestUsers.Analyst()));

    [Fact]
    public async Task Two_viewers_of_the_same_view_cause_one_set_of_queries()
    {
        await ForgetAllAsync();

        var (first, analystView) = await DashboardAsync(December, null, TestUsers.Analyst());
        var (second, managerView) = await DashboardAsync(December, null, TestUsers.Manager());
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        int inRussian;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
            (inRussian, _) = await DashboardAsync(December, null, TestUsers.Manager("another@test.kz"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        Assert.InRange(first, 1, 20);
        Assert.Equal((0, 0), (second, inRussian));
        Assert.Equal(analystView.Workers, managerView.Workers);
    }

    [Fact]
    public async Task An_officer_reading_a_cached_view_still_sees_only_their_own_region_and_the_next_reader_sees_all()
    {
        await ForgetAllAsync();

        var (_, officerView) = await DashboardAsync(December, null, TestUsers.Officer("KZ-75"));
        var (commands, analystView) = await DashboardAsync(December, null, TestUsers.Analyst());

        Assert.Equal(["KZ-75"], officerView.Ranking.Select(r => r.Code));
        Assert.Equal(0, commands);
        Assert.Equal(20, analystView.Ranking.Count);
    }

    [Fact]
    public async Task The_timeline_and_the_data_quality_are_computed_once_for_every_reader()
    {
        await ForgetAllAsync();

        var (seriesFirst, _) = await store.MeasureAsync(s => s.GetRequiredService<DashboardQueries>().GetSeriesAsync(null, TestUsers.Analyst()));
        var (seriesAgain, _) = await store.MeasureAsync(s => s.GetRequiredService<DashboardQueries>().GetSeriesAsync(null, TestUsers.Manager()));
        var (qualityFirst, _) = await store.MeasureAsync(s => s.GetRequiredService<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst()));
        var (qualityAgain, issues) = await store.MeasureAsync(s => s.GetRequiredService<DataQualityQueries>().GetIssuesAsync(TestUsers.Officer("KZ-75")));

        Assert.True(seriesFirst > 0 && qualityFirst > 0);
        Assert.Equal((0, 0), (seriesAgain, qualityAgain));
        Assert.All(issues, i => Assert.True(i.RegionCode is null or "KZ-75"));
    }

    [Fact]
    public async Task A_report_forgets_exactly_the_views_it_touches_and_the_new_figures_are_read()
    {
        await ForgetAllAsync();
        // Every view of a month ranks every region, so KZ-71's view of June shows KZ-75's use too.
        (DateOnly Month, string? Region)[] touched = [(June, null), (December, null), (June, "KZ-75"), (December, "KZ-75"), (June, "KZ-71")];
        (DateOnly Month, string? Region)[] untouched = [(May, "KZ-71"), (May, null), (May, "KZ-75")];
        foreach (var (month, region) in touched.Concat(untouched))
        {
            await DashboardAsync(month, region);
        }
        var (_, before) = await DashboardAsync(June, "KZ-75");
        var input = (await StoredReports.CurrentInputAsync(store.Services, "KZ-75", June)).WithExtra(1_000);

        var saved = await store.Services.CreateScope().ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(input, TestUsers.Analyst(), null);

        Assert.IsType<SaveResult.Saved>(saved);
        foreach (var (month, region) in touched)
        {
            Assert.True((await DashboardAsync(month, region)).Commands > 0, $"{month:yyyy-MM} {region ?? "national"} was not computed again");
        }
        foreach (var (month, region) in untouched)
        {
            Assert.True((await DashboardAsync(month, region)).Commands == 0, $"{month:yyyy-MM} {region ?? "national"} was computed again");
        }
        var (_, after) = await DashboardAsync(June, "KZ-75");
        Assert.Equal(before.Workers.Value + 1_000, after.Workers.Value);
        var (_, astana) = await DashboardAsync(June, "KZ-71");
        Assert.Equal(after.Workers.Value, astana.Ranking.Single(r => r.Code == "KZ-75").Workers);
    }
}
