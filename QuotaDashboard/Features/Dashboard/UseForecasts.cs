using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Features.Dashboard;

/// <summary>The forecast of a timeline: the workers each month of the year as the dashboard counts them, against the quota or allocation in force.</summary>
public static class UseForecasts
{
    // A cached timeline is one instance until a change forgets it, so its forecasts are made once for every page that reads it,
    // and a page can tell by reference that a forecast did not change.
    private static readonly ConditionalWeakTable<TimelineSeries, ConcurrentDictionary<DateOnly, QuotaForecast>> Made = new();

    public static QuotaForecast Of(TimelineSeries series, DateOnly month) =>
        Made.GetOrCreateValue(series).GetOrAdd(month, m => QuotaForecast.Compute(MonthlyWorkers(series, m.Year), m, at => UnitsInForce(series.Quota, at)));

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
