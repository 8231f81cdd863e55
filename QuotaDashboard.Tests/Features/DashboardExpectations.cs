using QuotaDashboard.Features;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Tests.Data;

namespace QuotaDashboard.Tests.Features;

/// <summary>The national picture of 2025-12 as the Ministry published it (seed/FIGURES.md), wherever the dashboard shows it.</summary>
public static class DashboardExpectations
{
    public static readonly string[] CategoryOrder = ["cat1", "cat2", "cat3", "cat4", "seasonal", "ict"];

    public static void AssertHeadlinesOfDecember2025(DashboardView view)
    {
        Assert.Equal(SeedCsv.December2025, view.Month);
        Assert.Null(view.Region);
        Assert.Equal(14_103, view.Workers.Value);
        Assert.Equal(16_700, view.Quota.Units);
        Assert.Equal(84.4m, view.UsePct);
        Assert.Equal(1_817, view.Employers.Value);
        Assert.Equal(334_400, view.LocalEmployees.Value);
        Assert.Equal(96m, view.LocalSharePct.Value);
        Assert.False(view.LocalSharePct.Derived);
    }

    public static void AssertBreakdownsOfDecember2025(DashboardView view)
    {
        Assert.Equal(CategoryOrder, view.Categories.Items.Select(i => i.Key));
        Assert.Equal([537L, 2244, 3784, 1271, 2299, 3970], view.Categories.Items.Select(i => i.Count));
        Assert.Equal(14_105, view.Categories.Sum);
        Assert.Equal(14_103, view.Categories.Total);
        Assert.True(view.Categories.Complete);
        Assert.Equal(2L, view.Categories.Gap);

        AssertNamedItemsAndRemainder(view.Sectors, [("F", 4993), ("A", 2316), ("B", 1235), ("C", 1155)], 4404);
        AssertNamedItemsAndRemainder(view.Countries, [("CN", 5604), ("UZ", 2110), ("TR", 1036), ("IN", 943)], 4410);
    }

    /// <summary>The figures a release names (their order is not asserted), then what the total leaves for the rest, last.</summary>
    private static void AssertNamedItemsAndRemainder(BreakdownView breakdown, (string Key, long Count)[] named, long remainder)
    {
        Assert.Equal(named, breakdown.Items.Where(i => !i.IsRemainder).OrderByDescending(i => i.Count).Select(i => (i.Key, i.Count)));
        Assert.Equal((Names.OtherKey, remainder, true), (breakdown.Items[^1].Key, breakdown.Items[^1].Count, breakdown.Items[^1].IsRemainder));
        Assert.Equal(named.Sum(n => n.Count), breakdown.Sum);
        Assert.Equal(14_103, breakdown.Total);
    }

    public static void AssertEveryFigureComesFromThePublishedRelease(DashboardView view)
    {
        FigureSource?[] sources =
        [
            view.Workers.Source, view.Employers.Source, view.LocalEmployees.Source, view.LocalSharePct.Source,
            view.Categories.Source, view.Sectors.Source, view.Countries.Source,
        ];
        Assert.All(sources, s =>
        {
            Assert.NotNull(s);
            Assert.Equal(SourceKind.PublishedRelease, s.Kind);
            Assert.False(s.Illustrative);
            Assert.Equal((new DateOnly(2025, 12, 1), true), (s.ReleaseAsOf, s.ReleaseDayStated));
        });
    }

    public static void AssertNationalDecember2025(DashboardView view)
    {
        AssertHeadlinesOfDecember2025(view);
        AssertBreakdownsOfDecember2025(view);
        AssertEveryFigureComesFromThePublishedRelease(view);
    }
}
