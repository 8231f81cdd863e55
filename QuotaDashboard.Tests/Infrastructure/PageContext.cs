using Bunit;
using MudBlazor.Services;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>A bUnit context with the product's services over a seeded database, signed in with one role.</summary>
public static class PageContext
{
    public static BunitContext Create(SeededDatabase database, string user, string role, Features.CommandCounter? counter = null, string? region = null)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddQuotaDashboardCore(database.Store.Settings,
            configureStore: counter is null ? null : o => o.AddInterceptors(counter));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var authorization = context.AddAuthorization().SetAuthorized(user).SetRoles(role);
        if (region is not null)
        {
            authorization.SetClaims(new System.Security.Claims.Claim(global::QuotaDashboard.Features.Access.UserAccess.RegionClaim, region));
        }
        // The pages run in a circuit, where components may call the browser from the start.
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return context;
    }
}
