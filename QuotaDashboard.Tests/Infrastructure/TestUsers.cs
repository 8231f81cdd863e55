using System.Security.Claims;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>Signed-in principals as the sign-in cookie describes them: a name, a role and an officer's region.</summary>
public static class TestUsers
{
    public static ClaimsPrincipal Analyst(string name = "analyst@test.kz") => User(name, Roles.Analyst, null);

    public static ClaimsPrincipal Officer(string region, string name = "officer@test.kz") => User(name, Roles.RegionalOfficer, region);

    public static ClaimsPrincipal Manager(string name = "manager@test.kz") => User(name, Roles.Manager, null);

    public static ClaimsPrincipal Administrator(string name = "admin@test.kz") => User(name, Roles.Administrator, null);

    public static ClaimsPrincipal User(string name, string role, string? region)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (region is not null)
        {
            claims.Add(new Claim(UserAccess.RegionClaim, region));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Identity.Application"));
    }

    /// <summary>Everyone who may not keep the national record: the other roles, and a token even when issued for an analyst.</summary>
    public static TheoryData<string> NotAnalysts => ["officer", "manager", "administrator", "analyst token"];

    public static ClaimsPrincipal NotAnalyst(string who) => who switch
    {
        "officer" => Officer("KZ-75"),
        "manager" => Manager(),
        "administrator" => Administrator(),
        _ => new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.Name, "token"), new(ClaimTypes.Role, Roles.Analyst),
            new(UserAccess.ApiTokenClaim, "1")], "ApiToken")),
    };
}
