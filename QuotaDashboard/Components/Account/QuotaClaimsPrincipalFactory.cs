using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Components.Account;

/// <summary>Puts an officer's region into the sign-in cookie, where every authorization check reads it.</summary>
internal sealed class QuotaClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.RegionCode is not null)
        {
            identity.AddClaim(new Claim(UserAccess.RegionClaim, user.RegionCode));
        }
        return identity;
    }
}
