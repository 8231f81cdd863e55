using System.Globalization;
using Bunit;
using MudBlazor;
using QuotaDashboard.Components.Pages.Briefing;
using QuotaDashboard.Components.Pages.Dashboard;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Components;

/// <summary>The prerender and the interactive render are two renders of one page in one server: the second reads what the first computed.</summary>
public sealed class FirstLoadTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_interactive_render_of_the_dashboard_after_its_prerender_runs_no_query()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        var counter = new CommandCounter();
        await using var context = PageContext.Create(database, "analyst@test.kz", QuotaDashboard.Data.Roles.Analyst, counter);
        context.Render<MudPopoverProvider>();

        var prerender = context.Render<Home>();
        prerender.WaitForElement("[data-testid=headline-workers]", TimeSpan.FromSeconds(10));
        var prerenderCommands = counter.Count;
        counter.Reset();
        var interactive = context.Render<Home>();
        interactive.WaitForElement("[data-testid=headline-workers]", TimeSpan.FromSeconds(10));

        Assert.True(prerenderCommands > 0);
        Assert.Equal(0, counter.Count);
        Assert.Equal(prerender.Find("[data-testid=headline-workers]").TextContent, interactive.Find("[data-testid=headline-workers]").TextContent);
    }

    [Fact]
    public async Task The_interactive_render_of_the_briefing_after_its_prerender_runs_no_query()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        var counter = new CommandCounter();
        await using var context = PageContext.Create(database, "analyst@test.kz", QuotaDashboard.Data.Roles.Analyst, counter);

        var prerender = context.Render<Briefing>();
        prerender.WaitForElement("[data-testid=headline-workers]", TimeSpan.FromSeconds(10));
        counter.Reset();
        var interactive = context.Render<Briefing>();
        interactive.WaitForElement("[data-testid=headline-workers]", TimeSpan.FromSeconds(10));

        Assert.Equal(0, counter.Count);
    }
}
