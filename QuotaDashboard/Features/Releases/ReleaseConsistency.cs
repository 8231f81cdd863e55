using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Releases;

/// <summary>Where a release's figures disagree with each other: <paramref name="Sum"/> of the breakdown against its <paramref name="Total"/>.</summary>
public sealed record Disagreement(FigureKind Breakdown, decimal Sum, decimal Total)
{
    public decimal Difference => Sum - Total;
}

/// <summary>
/// The checks the release form shows while the analyst types. The record really does disagree with itself (2025-12: six categories
/// of 14 105 against a total of 14 103), so these never stop a save; the data-quality panel lists them afterwards.
/// </summary>
public static class ReleaseConsistency
{
    public static IReadOnlyList<Disagreement> Check(IReadOnlyList<ReleaseFigureInput> figures, int categoryCount)
    {
        if (figures.FirstOrDefault(f => f.Figure == FigureKind.Total) is not { } total)
        {
            return [];
        }
        var found = new List<Disagreement>();
        var categories = figures.Where(f => f.Figure == FigureKind.Category).ToList();
        // Only all six categories must add up to the total; a release that names some of them says nothing of the rest.
        if (categories.Count == categoryCount && categories.Sum(c => c.Value) is var categorySum && categorySum != total.Value)
        {
            found.Add(new Disagreement(FigureKind.Category, categorySum, total.Value));
        }
        // A release names only its largest sectors and countries, so they may add up to less, never to more.
        foreach (var kind in new[] { FigureKind.Sector, FigureKind.Country })
        {
            var sum = figures.Where(f => f.Figure == kind).Sum(f => f.Value);
            if (sum > total.Value)
            {
                found.Add(new Disagreement(kind, sum, total.Value));
            }
        }
        return found;
    }
}
