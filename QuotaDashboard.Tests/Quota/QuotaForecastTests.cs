using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Tests.Quota;

public sealed class QuotaForecastTests
{
    private static IEnumerable<MonthlyWorkers> Line(int year, int fromMonth, int toMonth, long start, long perMonth) =>
        Enumerable.Range(fromMonth, toMonth - fromMonth + 1).Select(m => new MonthlyWorkers(new DateOnly(year, m, 1), start + perMonth * (m - fromMonth)));

    [Fact]
    public void A_straight_line_reaches_the_quota_in_the_month_it_crosses_it()
    {
        // 1 000 in January, +120 a month: 1 960 in September, 2 080 in October; a quota of 2 000 is reached in October.
        var forecast = QuotaForecast.Compute(Line(2026, 1, 6, 1_000, 120), new DateOnly(2026, 6, 1), _ => 2_000);

        Assert.Equal(ForecastOutcome.Reaches, forecast.Outcome);
        Assert.Equal(new DateOnly(2026, 10, 1), forecast.ReachMonth);
        Assert.Equal(120, forecast.SlopePerMonth!.Value, precision: 9);
        Assert.Equal(6, forecast.PointsUsed.Count);
        Assert.Equal([7, 8, 9, 10, 11, 12], forecast.Projection.Select(p => p.Month.Month));
        Assert.Equal(1_960, forecast.Projection.Single(p => p.Month.Month == 9).Workers, precision: 6);
    }

    [Fact]
    public void Only_the_last_six_months_of_the_year_make_the_trend()
    {
        // A flat first half, then +100 a month from July: the trend is the recent pace, not the year's average.
        var series = Line(2026, 1, 6, 1_000, 0).Concat(Line(2026, 7, 12, 1_000, 100)).Concat(Line(2025, 1, 12, 50_000, 1_000));
        var forecast = QuotaForecast.Compute(series, new DateOnly(2026, 9, 1), _ => 100_000);

        Assert.Equal([4, 5, 6, 7, 8, 9], forecast.PointsUsed.Select(p => p.Month.Month));
        Assert.All(forecast.PointsUsed, p => Assert.Equal(2026, p.Month.Year));
        Assert.True(forecast.SlopePerMonth > 0);
    }

    [Fact]
    public void A_flat_series_never_reaches_the_quota()
    {
        var forecast = QuotaForecast.Compute(Line(2026, 1, 8, 1_500, 0), new DateOnly(2026, 8, 1), _ => 2_000);

        Assert.Equal(ForecastOutcome.NotWithinYear, forecast.Outcome);
        Assert.Null(forecast.ReachMonth);
        Assert.Equal(0, forecast.SlopePerMonth!.Value, precision: 9);
        Assert.Equal(4, forecast.Projection.Count);
    }

    [Fact]
    public void A_falling_series_never_reaches_the_quota()
    {
        var forecast = QuotaForecast.Compute(Line(2026, 1, 6, 1_900, -50), new DateOnly(2026, 6, 1), _ => 2_000);

        Assert.Equal(ForecastOutcome.NotWithinYear, forecast.Outcome);
        Assert.True(forecast.SlopePerMonth < 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fewer_than_three_points_are_not_enough_history(int months)
    {
        var forecast = QuotaForecast.Compute(Line(2026, 1, months, 1_000, 500), new DateOnly(2026, 3, 1), _ => 2_000);

        Assert.Equal(ForecastOutcome.NotEnoughHistory, forecast.Outcome);
        Assert.Null(forecast.SlopePerMonth);
        Assert.Empty(forecast.Projection);
        Assert.Equal(months, forecast.PointsUsed.Count);
    }

    [Fact]
    public void A_revision_during_the_year_changes_the_quota_the_trend_must_reach()
    {
        // +120 a month from 1 000: 2 000 would be reached in October, but a cut to 1 800 from August is reached in August.
        static int? Quota(DateOnly month) => month < new DateOnly(2026, 8, 1) ? 2_000 : 1_800;
        var forecast = QuotaForecast.Compute(Line(2026, 1, 6, 1_000, 120), new DateOnly(2026, 6, 1), Quota);

        Assert.Equal(ForecastOutcome.Reaches, forecast.Outcome);
        Assert.Equal(new DateOnly(2026, 8, 1), forecast.ReachMonth);
        Assert.Equal(2_000, forecast.Projection.Single(p => p.Month.Month == 7).QuotaUnits);
        Assert.Equal(1_800, forecast.Projection.Single(p => p.Month.Month == 8).QuotaUnits);
    }

    [Fact]
    public void A_rise_of_the_quota_later_in_the_year_puts_the_month_off()
    {
        // Without the rise to 3 000 from September, 2 000 would be reached in October.
        static int? Quota(DateOnly month) => month < new DateOnly(2026, 9, 1) ? 2_000 : 3_000;
        var forecast = QuotaForecast.Compute(Line(2026, 1, 6, 1_000, 120), new DateOnly(2026, 6, 1), Quota);

        Assert.Equal(ForecastOutcome.NotWithinYear, forecast.Outcome);
    }

    [Fact]
    public void A_quota_already_reached_says_since_when()
    {
        var forecast = QuotaForecast.Compute(Line(2026, 1, 6, 1_700, 100), new DateOnly(2026, 6, 1), _ => 2_000);

        Assert.Equal(ForecastOutcome.AlreadyReached, forecast.Outcome);
        Assert.Equal(new DateOnly(2026, 4, 1), forecast.ReachMonth);
    }

    [Fact]
    public void A_month_over_a_quota_that_a_revision_then_raised_is_not_reached_now()
    {
        static int? Quota(DateOnly month) => month < new DateOnly(2026, 3, 1) ? 1_000 : 5_000;
        var forecast = QuotaForecast.Compute(Line(2026, 1, 6, 1_100, 10), new DateOnly(2026, 6, 1), Quota);

        Assert.Equal(ForecastOutcome.NotWithinYear, forecast.Outcome);
    }

    [Fact]
    public void Without_a_quota_in_force_there_is_nothing_to_reach()
    {
        var forecast = QuotaForecast.Compute(Line(2026, 1, 6, 1_000, 120), new DateOnly(2026, 6, 1), _ => null);

        Assert.Equal(ForecastOutcome.NoQuota, forecast.Outcome);
    }

    [Fact]
    public void Months_after_the_month_on_screen_are_not_used()
    {
        var forecast = QuotaForecast.Compute(Line(2026, 1, 12, 1_000, 120), new DateOnly(2026, 5, 1), _ => 2_000);

        Assert.Equal(new DateOnly(2026, 5, 1), forecast.PointsUsed[^1].Month);
        Assert.Equal(new DateOnly(2026, 10, 1), forecast.ReachMonth);
    }
}
