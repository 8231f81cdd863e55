using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Charts;
using QuotaDashboard.Components.Pages.Dashboard;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Reference;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Components;

public sealed class DashboardChartsTests
{
    private static readonly ReferenceBook Names = new([], [new KeyNames("cat1", "Category 1", "Категория 1"), new KeyNames("cat2", "Category 2", "Категория 2")], []);

    private static readonly IStringLocalizer Text = new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    private static BreakdownView Categories(long first, long second) =>
        new(Breakdown.Category, [new BreakdownItem("cat1", first), new BreakdownItem("cat2", second)], null, first + second, first + second, Complete: true);

    private static ChartSpec Spec(BreakdownView breakdown) =>
        DashboardCharts.Breakdown(breakdown, Names, Text, "Workers", ChartKind.HorizontalBar, DashboardCharts.Blue);


    [Fact]
    public void A_spec_that_draws_the_same_as_the_one_shown_keeps_the_shown_instance()
    {
        var shown = ProblemWording.InCulture("en-US", () => Spec(Categories(537, 2244)));
        var next = ProblemWording.InCulture("en-US", () => Spec(Categories(537, 2244)));

        Assert.NotSame(shown, next);
        Assert.Same(shown, DashboardCharts.Keep(shown, next));
    }

    [Fact]
    public void A_spec_that_draws_anything_else_replaces_the_one_shown()
    {
        var shown = ProblemWording.InCulture("en-US", () => Spec(Categories(537, 2244)));

        var otherCount = ProblemWording.InCulture("en-US", () => Spec(Categories(537, 2245)));
        var otherLanguage = ProblemWording.InCulture("ru-RU", () => Spec(Categories(537, 2244)));
        var otherRange = ProblemWording.InCulture("en-US", () => shown with { XMin = "2025-01-01" });
        var otherColour = ProblemWording.InCulture("en-US", () => shown with { Series = [shown.Series[0] with { Colors = [DashboardCharts.Teal, DashboardCharts.Teal] }] });

        Assert.Same(otherCount, DashboardCharts.Keep(shown, otherCount));
        Assert.Same(otherLanguage, DashboardCharts.Keep(shown, otherLanguage));
        Assert.Same(otherRange, DashboardCharts.Keep(shown, otherRange));
        Assert.Same(otherColour, DashboardCharts.Keep(shown, otherColour));
        Assert.Same(otherCount, DashboardCharts.Keep(null, otherCount));
    }

    [Fact]
    public void The_readers_own_region_keeps_the_colour_of_its_state_in_the_ranking_and_is_outlined()
    {
        IReadOnlyList<RegionUse> ranking =
        [
            new("KZ-75", 956, 1000, false, null, 95.6m, false),
            new("KZ-71", 500, 1000, false, null, 50m, false),
        ];

        var spec = ProblemWording.InCulture("en-US", () => DashboardCharts.Ranking(ranking, "KZ-75", Names, Text));

        var thresholds = QuotaDashboard.Features.Quota.UseThresholds.Default;
        Assert.Equal([UseText.Color(thresholds.StateOf(95.6m)), UseText.Color(thresholds.StateOf(50m))], spec.Series[0].Colors);
        Assert.NotEqual(spec.Series[0].Colors[0], spec.Series[0].Colors[1]);
        Assert.Equal([true, false], spec.Series[0].Outlined);
    }

    [Fact]
    public void A_views_chart_is_built_once_per_language_and_shared_by_every_page_that_shows_it()
    {
        var view = Categories(537, 2244);
        var builds = 0;
        ChartSpec Build()
        {
            builds++;
            return Spec(view);
        }

        var first = ProblemWording.InCulture("en-US", () => DashboardCharts.Shared(view, "breakdown", Build));
        var second = ProblemWording.InCulture("en-US", () => DashboardCharts.Shared(view, "breakdown", Build));
        var russian = ProblemWording.InCulture("ru-RU", () => DashboardCharts.Shared(view, "breakdown", Build));
        var otherView = ProblemWording.InCulture("en-US", () => DashboardCharts.Shared(Categories(537, 2244), "breakdown", Build));

        Assert.Same(first, second);
        Assert.NotSame(first, russian);
        Assert.Contains("Категория 1", russian.Labels);
        Assert.NotSame(first, otherView);
        Assert.Equal(3, builds);
    }
}
