using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Quota;

public sealed class UseQueriesTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly DateOnly December2025 = new(2025, 12, 1);

    [Fact]
    public async Task The_nation_uses_84_4_percent_of_the_16_700_in_force_in_December_2025_under_revision_4()
    {
        var use = await UseAsync(December2025);

        Assert.Equal(14_103, use.Nation.Workers);
        Assert.Equal(16_700, use.Nation.Units);
        Assert.Equal(4, use.Nation.RevisionSequence);
        Assert.Equal(84.4m, use.Nation.UsePct);
        Assert.Equal(UseState.Within, use.Nation.State);
        Assert.Equal(UseThresholds.Default, use.Thresholds.Thresholds);
    }

    [Fact]
    public async Task Every_region_has_its_use_and_state_against_the_default_thresholds_in_December_2025()
    {
        var use = await UseAsync(December2025);

        Assert.Equal(20, use.Regions.Count);
        Assert.All(use.Regions, r => Assert.Equal(Math.Round(100m * r.Workers!.Value / r.Units!.Value, 1), r.UsePct));
        var states = use.Regions.ToDictionary(r => r.RegionCode!, r => r.State);
        Assert.Equal(UseState.Over, states["KZ-71"]);
        Assert.Equal(["KZ-27", "KZ-35", "KZ-43", "KZ-75", "KZ-79"], states.Where(s => s.Value == UseState.Near).Select(s => s.Key).Order());
        Assert.Equal(14, states.Count(s => s.Value == UseState.Within));
        Assert.Equal(["KZ-71", "KZ-75", "KZ-35", "KZ-79", "KZ-27", "KZ-43"], use.Flagged.Select(r => r.RegionCode));
        // Astana: 1 036 of 975 allocated.
        var astana = use.Regions.Single(r => r.RegionCode == "KZ-71");
        Assert.Equal((1_036, 975, 106.3m), (astana.Workers!.Value, astana.Units!.Value, astana.UsePct!.Value));
    }

    [Fact]
    public async Task The_ranking_the_map_and_the_api_read_the_same_figures()
    {
        var view = await store.Get<DashboardQueries>().GetDashboardAsync(December2025, null, TestUsers.Analyst());
        var use = await UseAsync(December2025);

        Assert.Equal(view.Ranking.Select(r => (r.Code, r.Workers, r.Allocation, r.UsePct)),
            use.Regions.Select(r => (r.RegionCode!, r.Workers, r.Units, r.UsePct)));
    }

    [Fact]
    public async Task In_June_2025_the_trend_passes_the_raise_to_19_400_and_reaches_the_quota_in_December_when_the_cut_to_16_700_takes_effect()
    {
        var use = await UseAsync(new DateOnly(2025, 6, 1));

        Assert.Equal(ForecastOutcome.Reaches, use.Nation.Forecast.Outcome);
        Assert.Equal(December2025, use.Nation.Forecast.ReachMonth);
        Assert.Equal(6, use.Nation.Forecast.PointsUsed.Count);
        Assert.Equal(16_500, use.Nation.Forecast.Projection.Single(p => p.Month.Month == 7).QuotaUnits);
        Assert.Equal(19_400, use.Nation.Forecast.Projection.Single(p => p.Month.Month == 11).QuotaUnits);
        Assert.Equal(16_700, use.Nation.Forecast.Projection.Single(p => p.Month.Month == 12).QuotaUnits);
    }

    [Fact]
    public async Task Only_a_state_that_rose_to_near_or_over_under_the_same_thresholds_counts_as_crossed()
    {
        var now = await UseAsync(December2025);
        UseOverview Before(params (string Region, UseState State)[] was) => now with
        {
            Regions = [.. now.Regions.Select(r => was.FirstOrDefault(w => w.Region == r.RegionCode) is { Region: not null } w ? r with { State = w.State } : r)],
        };

        Assert.Empty(now.CrossedSince(now));
        Assert.Empty(now.CrossedSince(null));
        // Astana rose from within to over, Almaty from within to near; Abai fell, which is no crossing.
        var crossed = now.CrossedSince(Before(("KZ-71", UseState.Within), ("KZ-75", UseState.Within), ("KZ-10", UseState.Over)));
        Assert.Equal(["KZ-71", "KZ-75"], crossed.Select(r => r.RegionCode));
        Assert.Equal(["KZ-71"], now.CrossedSince(Before(("KZ-71", UseState.Near))).Select(r => r.RegionCode));
        var nationNear = now with { Nation = now.Nation with { State = UseState.Near } };
        Assert.Equal([null], nationNear.CrossedSince(now).Select(r => r.RegionCode));
        // What new thresholds do is the analyst's own change, not news; neither is another month.
        var otherThresholds = Before(("KZ-71", UseState.Within)) with { Thresholds = now.Thresholds with { Thresholds = new UseThresholds(80m, 95m) } };
        Assert.Empty(now.CrossedSince(otherThresholds));
        Assert.Empty(now.CrossedSince(Before(("KZ-71", UseState.Within)) with { Month = new DateOnly(2025, 11, 1) }));
    }

    [Fact]
    public async Task An_officer_reads_the_nation_and_their_own_region_only()
    {
        var use = await store.Get<UseQueries>().GetUseAsync(December2025, TestUsers.Officer("KZ-75"));

        Assert.Equal(["KZ-75"], use.Regions.Select(r => r.RegionCode));
        Assert.Equal(14_103, use.Nation.Workers);
    }

    private Task<UseOverview> UseAsync(DateOnly month) => store.Get<UseQueries>().GetUseAsync(month, TestUsers.Analyst());
}

public sealed class UseThresholdChangeTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly DateOnly December2025 = new(2025, 12, 1);

    [Fact]
    public async Task Lower_thresholds_put_more_regions_near_and_over_the_limit_and_are_audited()
    {
        var settings = store.Get<UseThresholdSettings>();
        var before = await settings.GetAsync();

        var result = await settings.SaveAsync(80m, 95m, before.Version, TestUsers.Analyst());

        var saved = Assert.IsType<ThresholdSaveResult.Saved>(result);
        Assert.Equal(new UseThresholds(80m, 95m), saved.Now.Thresholds);
        var use = await store.Get<UseQueries>().GetUseAsync(December2025, TestUsers.Analyst());
        var states = use.Regions.ToDictionary(r => r.RegionCode!, r => r.State);
        Assert.Equal(UseState.Over, states["KZ-75"]); // 95.6 %
        Assert.Equal(UseState.Near, states["KZ-19"]); // 86.0 %
        Assert.Equal(UseState.Within, states["KZ-23"]); // 72.5 %
        Assert.Equal(UseState.Near, use.Nation.State); // 84.4 %
        await using var db = store.CreateContext();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "thresholds.save"));

        // A form opened before that change does not overwrite it.
        var stale = await settings.SaveAsync(85m, 99m, before.Version, TestUsers.Analyst());
        Assert.Equal(new UseThresholds(80m, 95m), Assert.IsType<ThresholdSaveResult.Conflict>(stale).Now.Thresholds);
    }

    [Theory]
    [InlineData(95, 90, "threshold.order")]
    [InlineData(90, 90, "threshold.order")]
    [InlineData(0, 100, "threshold.out-of-range")]
    [InlineData(90, 1000, "threshold.out-of-range")]
    [InlineData(null, 100, "threshold.missing")]
    public async Task Thresholds_that_make_no_sense_are_refused_and_nothing_is_stored(int? near, int overPct, string code)
    {
        var settings = store.Get<UseThresholdSettings>();
        var version = (await settings.GetAsync()).Version;

        var result = await settings.SaveAsync(near, overPct, version, TestUsers.Analyst());

        Assert.Contains(Assert.IsType<ThresholdSaveResult.Invalid>(result).Problems, p => p.Code == code);
        Assert.Equal(version, (await settings.GetAsync()).Version);
    }

    [Theory]
    [MemberData(nameof(TestUsers.NotAnalysts), MemberType = typeof(TestUsers))]
    public async Task Only_analysts_change_the_thresholds(string who)
    {
        var settings = store.Get<UseThresholdSettings>();
        var version = (await settings.GetAsync()).Version;

        Assert.IsType<ThresholdSaveResult.Forbidden>(await settings.SaveAsync(70m, 80m, version, TestUsers.NotAnalyst(who)));
        Assert.Equal(version, (await settings.GetAsync()).Version);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public void Every_threshold_problem_is_worded_in_the_readers_language(string culture)
    {
        var text = store.Get<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            foreach (var problem in UseThresholds.Check(null, 1000).Concat(UseThresholds.Check(95, 90)))
            {
                var worded = QuotaDashboard.Components.Shared.ProblemText.Describe(text, problem);
                Assert.NotEqual(problem.Code, worded);
                Assert.Equal(culture == "ru", worded.Any(c => c is >= 'а' and <= 'я'));
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
