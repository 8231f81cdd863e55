namespace QuotaDashboard.Features.Quota;

/// <summary>How close a region or the nation is to its quota: every screen shows it with an icon and words, never by colour alone.</summary>
public enum UseState
{
    /// <summary>No workers counted, or no quota with units in force.</summary>
    Unknown,
    Within,
    /// <summary>At or above <see cref="UseThresholds.NearPct"/>.</summary>
    Near,
    /// <summary>At or above <see cref="UseThresholds.OverPct"/>.</summary>
    Over,
}

/// <summary>The use of the quota at which a region is near the limit, and at which it is over it; analysts may change both.</summary>
public sealed record UseThresholds(decimal NearPct, decimal OverPct)
{
    public static UseThresholds Default { get; } = new(90m, 100m);

    public const decimal Lowest = 1m;
    public const decimal Highest = 500m;

    public UseState StateOf(decimal? usePct) => usePct switch
    {
        null => UseState.Unknown,
        var u when u >= OverPct => UseState.Over,
        var u when u >= NearPct => UseState.Near,
        _ => UseState.Within,
    };

    /// <summary>What is wrong with a pair an analyst entered; empty when it may be stored.</summary>
    public static IReadOnlyList<Problem> Check(decimal? nearPct, decimal? overPct)
    {
        var problems = new List<Problem>();
        foreach (var (field, value) in new[] { (nameof(NearPct), nearPct), (nameof(OverPct), overPct) })
        {
            if (value is null)
            {
                problems.Add(new Problem(field, "threshold.missing"));
            }
            else if (value < Lowest || value > Highest)
            {
                problems.Add(new Problem(field, "threshold.out-of-range", Lowest, Highest));
            }
        }
        if (problems.Count == 0 && nearPct >= overPct)
        {
            problems.Add(new Problem(nameof(NearPct), "threshold.order", nearPct, overPct));
        }
        return problems;
    }
}
