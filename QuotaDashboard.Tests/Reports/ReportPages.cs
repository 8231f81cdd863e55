using System.Globalization;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Hosting;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>A clock stopped in mid-2026, so that every month the tests enter has begun whatever the day they run.</summary>
public sealed class FixedClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 30, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>bUnit contexts over a seeded store, one per signed-in person; MudBlazor's services are disposed asynchronously.</summary>
public sealed class ReportPages(SeededDatabase store) : IAsyncDisposable
{
    private readonly List<BunitContext> _contexts = [];

    /// <summary>Generous, because the whole suite runs in parallel and a busy thread pool delays the renderer.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static void UseEnglish() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");

    public BunitContext For(string name, string role, string? region = null)
    {
        var context = new BunitContext();
        context.Services.AddSingleton<TimeProvider>(new FixedClock());
        context.Services.AddMudServices();
        context.Services.AddQuotaDashboardCore(store.Store.Settings);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = context.AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        if (region is not null)
        {
            auth.SetClaims(new Claim(UserAccess.RegionClaim, region));
        }
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        _contexts.Add(context);
        return context;
    }

    /// <summary>Renders the page at the address, as the router would with its query string.</summary>
    public static IRenderedComponent<TPage> Open<TPage>(BunitContext context, string address, string readySelector) where TPage : IComponent
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = context.Render<TPage>();
        cut.WaitForElement(readySelector, Wait);
        return cut;
    }

    public static IElement Button<TPage>(IRenderedComponent<TPage> cut, string text) where TPage : IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
