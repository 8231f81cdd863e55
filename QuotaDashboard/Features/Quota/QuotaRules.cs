namespace QuotaDashboard.Features.Quota;

/// <summary>The rules of a quota year that the record pages, the dashboard and the data-quality panel share.</summary>
public static class QuotaRules
{
    /// <summary>Revisions of one year whose implied labour forces lie further apart than this are flagged.</summary>
    public const decimal LabourForceTolerance = 0.01m;

    public static bool IsYear(int year) => year is >= 1900 and <= 2999;

    /// <summary>The labour force that units and a share of it imply (units ÷ share), where both are given.</summary>
    public static decimal? ImpliedLabourForce(int? units, decimal? sharePct) =>
        units is { } u && sharePct is { } s && s > 0 ? u / (s / 100m) : null;

    /// <summary>Whether the labour forces implied by one year's revisions differ by more than <see cref="LabourForceTolerance"/>.</summary>
    public static bool LabourForcesDisagree(IEnumerable<decimal> implied)
    {
        var bases = implied.ToList();
        if (bases.Count < 2)
        {
            return false;
        }
        var low = bases.Min();
        return low > 0 && (bases.Max() - low) / low > LabourForceTolerance;
    }

    /// <summary>
    /// Which of a region's allocations holds under one revision: a published or analyst's figure before an illustrative one,
    /// and one given for the revision before one given for the whole year.
    /// </summary>
    public static T? PickAllocation<T>(IEnumerable<T> candidates, Func<T, bool> illustrative, Func<T, int?> revisionSequence) where T : class =>
        candidates.OrderBy(illustrative).ThenBy(c => revisionSequence(c) is null).FirstOrDefault();
}
