using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>The forecast of a timeline: the workers each month of the year as the dashboard counts them, against the quota or allocation in force.</summary>
public static class UseForecasts
{
    public static QuotaForecast Of(TimelineSeries series, DateOnly month) =>
        QuotaForecast.Compute(MonthlyWorkers(series, month.Year), month, m => UnitsInForce(series.Quota, m));

    /// <summary>
    /// Nationally a month's workers are its release where one is dated that month's first day, as on the dashboard, and otherwise
    /// the sum of the regional reports of the month; for one region, its reports.
    /// </summary>
    public static IEnumerable<MonthlyWorkers> MonthlyWorkers(TimelineSeries series, int year)
    {
        var published = series.Published.Where(p => p.Date.Year == year && p.Date.Day == 1).ToDictionary(p => p.Date, p => p.Value);
        var reported = series.RegionalSums.Where(p => p.Date.Year == year).ToDictionary(p => p.Date, p => p.Value);
        return published.Keys.Union(reported.Keys).Order()
            .Select(m => new MonthlyWorkers(m, published.TryGetValue(m, out var value) ? value : reported[m]));
    }

    /// <summary>The units of the step in force on the month's first day: the latest of its year to have taken effect by then.</summary>
    public static int? UnitsInForce(IReadOnlyList<QuotaStep> steps, DateOnly month) =>
        steps.Where(s => s.Year == month.Year && s.EffectiveFrom <= month)
            .OrderBy(s => s.EffectiveFrom).ThenBy(s => s.Sequence)
            .LastOrDefault()?.Units;
}
