using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QuotaDashboard.Components.Account.Pages;
using QuotaDashboard.Data;

namespace QuotaDashboard.Components.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
}
