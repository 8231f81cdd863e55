namespace QuotaDashboard.Features.Quota;

/// <summary>Workers counted for one month of a series.</summary>
public sealed record MonthlyWorkers(DateOnly Month, long Workers);

public enum ForecastOutcome
{
    /// <summary>The trend reaches the quota in force in <see cref="QuotaForecast.ReachMonth"/>.</summary>
    Reaches,
    /// <summary>The workers counted already reached the quota in force, first in <see cref="QuotaForecast.ReachMonth"/>.</summary>
    AlreadyReached,
    /// <summary>The trend stays under the quota in force until December.</summary>
    NotWithinYear,
    /// <summary>Fewer than <see cref="QuotaForecast.MinimumPoints"/> months of the year are counted.</summary>
    NotEnoughHistory,
    /// <summary>No quota (or allocation) with units is in force, so there is nothing to reach.</summary>
    NoQuota,
}

/// <summary>A month after the last one counted, as the trend puts it, against the quota in force then.</summary>
public sealed record ProjectedMonth(DateOnly Month, double Workers, int? QuotaUnits);

/// <summary>
/// When use of the quota would reach 100 % if the trend of the year continued: a least-squares line through the last
/// <see cref="PointsUsed"/> months of the year, extended month by month to December against the quota in force in each month,
/// so a revision later in the year counts from the month it takes effect.
/// </summary>
public sealed record QuotaForecast(
    ForecastOutcome Outcome,
    DateOnly? ReachMonth,
    double? SlopePerMonth,
    IReadOnlyList<MonthlyWorkers> PointsUsed,
    IReadOnlyList<ProjectedMonth> Projection,
    double? Intercept = null)
{
    /// <summary>The trend line's value in a month: where the fitted line stands, for drawing it through the points it was fitted to.</summary>
    public double? TrendAt(DateOnly month) => SlopePerMonth is { } slope && Intercept is { } intercept ? intercept + slope * MonthIndex(month) : null;

    /// <summary>Whether another forecast says the same, point for point.</summary>
    public bool SameAs(QuotaForecast other) =>
        this with { PointsUsed = other.PointsUsed, Projection = other.Projection } == other
        && PointsUsed.SequenceEqual(other.PointsUsed) && Projection.SequenceEqual(other.Projection);

    /// <summary>At most this many of the year's latest months are used: recent enough to follow a change of pace.</summary>
    public const int WindowMonths = 6;

    /// <summary>A line through fewer points says nothing.</summary>
    public const int MinimumPoints = 3;

    /// <param name="series">Workers counted per month; only months of <paramref name="asOf"/>'s year up to it are used.</param>
    /// <param name="unitsInForce">The quota or allocation in force in a month, null where none with units is.</param>
    public static QuotaForecast Compute(IEnumerable<MonthlyWorkers> series, DateOnly asOf, Func<DateOnly, int?> unitsInForce)
    {
        var month = FirstDay(asOf);
        var year = series
            .Select(p => p with { Month = FirstDay(p.Month) })
            .Where(p => p.Month.Year == month.Year && p.Month <= month)
            .GroupBy(p => p.Month).Select(g => g.Last())
            .OrderBy(p => p.Month)
            .ToList();

        // Reached means reached now: a month over the quota before a revision raised it no longer is.
        var reached = year.AsEnumerable().Reverse().TakeWhile(p => unitsInForce(p.Month) is { } units && units > 0 && p.Workers >= units).LastOrDefault();
        var used = year.TakeLast(WindowMonths).ToList();
        if (used.Count < MinimumPoints)
        {
            return new QuotaForecast(reached is null ? ForecastOutcome.NotEnoughHistory : ForecastOutcome.AlreadyReached, reached?.Month, null, used, []);
        }

        var (intercept, slope) = LeastSquares(used.Select(p => ((double)MonthIndex(p.Month), (double)p.Workers)).ToList());
        var projection = new List<ProjectedMonth>();
        for (var m = used[^1].Month.AddMonths(1); m.Year == month.Year; m = m.AddMonths(1))
        {
            projection.Add(new ProjectedMonth(m, intercept + slope * MonthIndex(m), unitsInForce(m)));
        }
        if (reached is not null)
        {
            return new QuotaForecast(ForecastOutcome.AlreadyReached, reached.Month, slope, used, projection, intercept);
        }
        if (unitsInForce(used[^1].Month) is not > 0 && projection.All(p => p.QuotaUnits is not > 0))
        {
            return new QuotaForecast(ForecastOutcome.NoQuota, null, slope, used, projection, intercept);
        }
        var reach = projection.FirstOrDefault(p => p.QuotaUnits is { } units && units > 0 && p.Workers >= units);
        return reach is null
            ? new QuotaForecast(ForecastOutcome.NotWithinYear, null, slope, used, projection, intercept)
            : new QuotaForecast(ForecastOutcome.Reaches, reach.Month, slope, used, projection, intercept);
    }

    private static (double Intercept, double Slope) LeastSquares(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var slope = sxx == 0 ? 0 : sxy / sxx;
        return (meanY - slope * meanX, slope);
    }

    private static int MonthIndex(DateOnly month) => month.Year * 12 + month.Month - 1;

    private static DateOnly FirstDay(DateOnly date) => new(date.Year, date.Month, 1);
}
