using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using QuotaDashboard.Components.Pages.Briefing;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Components;

public sealed class BriefingPageTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private readonly BunitContext _context;

    public BriefingPageTests(SeededDatabase database) =>
        _context = PageContext.Create(database, "manager@test.kz", QuotaDashboard.Data.Roles.Manager);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<Briefing> RenderBriefing(string query, string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        _context.Render<MudPopoverProvider>();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/briefing?{query}");
        var cut = _context.Render<Briefing>();
        cut.WaitForElement(".briefing-chart", TimeSpan.FromSeconds(10));
        return cut;
    }

    [Theory]
    [InlineData("en-US", "illustrative regional data", "Sum of regional reports", "Workers, Allocation")]
    [InlineData("ru-RU", "иллюстративные региональные данные", "Сумма региональных отчётов", "Работники, Распределение")]
    public void The_national_briefing_calls_only_the_regional_figures_illustrative_never_the_published_ones(
        string culture, string illustrative, string regionalLine, string rankingColumns)
    {
        var cut = RenderBriefing("asOf=2025-12", culture);

        Assert.Empty(cut.FindAll(".briefing-illustrative"));
        var sources = cut.FindAll(".briefing-source").Select(s => s.TextContent).ToList();
        // The catalogue's order: three breakdowns, the timeline, the ranking, the map.
        Assert.Equal(6, sources.Count);
        Assert.All(sources.Take(3), s => Assert.DoesNotContain(illustrative, s));
        Assert.Contains($"{regionalLine}: {illustrative}", sources[3]);
        Assert.Contains($"{rankingColumns}: {illustrative}", sources[4]);
        Assert.Contains($"{rankingColumns}: {illustrative}", sources[5]);
    }

    [Theory]
    [InlineData("en-US", "illustrative regional data")]
    [InlineData("ru-RU", "иллюстративные региональные данные")]
    public void A_regional_briefing_built_on_an_illustrative_report_says_so_above_its_figures_and_under_each_chart(string culture, string illustrative)
    {
        var cut = RenderBriefing("asOf=2025-06&region=KZ-75", culture);

        Assert.Contains(illustrative, cut.Find(".briefing-illustrative").TextContent);
        var sources = cut.FindAll(".briefing-source").Select(s => s.TextContent).ToList();
        Assert.All(sources.Take(3), s => Assert.Contains(illustrative, s));
    }
}
