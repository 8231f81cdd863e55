using System.Security.Claims;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Access;

/// <summary>The role and region rules, checked on the server for every read and write.</summary>
public static class UserAccess
{
    public const string RegionClaim = "quota:region";
    public const string ApiTokenClaim = "quota:api-token";

    public static string? RegionCode(this ClaimsPrincipal user) => user.FindFirst(RegionClaim)?.Value;

    public static bool IsApiToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == ApiTokenClaim);

    public static bool IsOfficer(this ClaimsPrincipal user) => user.IsInRole(Roles.RegionalOfficer);

    public static string Who(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    /// <summary>Officers see the nation and their own region; the other roles see everything.</summary>
    public static bool CanRead(this ClaimsPrincipal user, string? regionCode)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        if (user.IsOfficer())
        {
            return regionCode is null || regionCode == user.RegionCode();
        }
        return Roles.All.Any(user.IsInRole);
    }

    /// <summary>The check every query makes before it reads a region: an officer asking for another region gets nothing.</summary>
    public static void DemandRead(this ClaimsPrincipal user, string? regionCode)
    {
        if (!user.CanRead(regionCode))
        {
            throw new UnauthorizedAccessException($"{user.Who()} may not read the figures of {regionCode ?? "the nation"}.");
        }
    }

    /// <summary>Analysts write any region, an officer only their own; managers, administrators and API tokens write nothing.</summary>
    public static bool CanWriteReports(this ClaimsPrincipal user, string regionCode) =>
        user.Identity?.IsAuthenticated == true && !user.IsApiToken()
        && (user.IsInRole(Roles.Analyst) || (user.IsOfficer() && user.RegionCode() == regionCode));

    /// <summary>The regions this user may enter reports for: all for analysts, one for an officer, none otherwise.</summary>
    public static bool CanEnterReports(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.IsApiToken()
        && (user.IsInRole(Roles.Analyst) || (user.IsOfficer() && user.RegionCode() is not null));

    /// <summary>The national record (releases, quota revisions, allocations) is kept by analysts alone; tokens only read.</summary>
    public static bool CanEditRecord(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.IsApiToken() && user.IsInRole(Roles.Analyst);

    /// <summary>The check every query of the record's keeping pages makes: only those who keep the record read it there.</summary>
    public static void DemandEditRecord(this ClaimsPrincipal user)
    {
        if (!user.CanEditRecord())
        {
            throw new UnauthorizedAccessException($"{user.Who()} may not keep the published record.");
        }
    }

    /// <summary>Who accepts or returns officers' reports, and whose own entries count as they are saved: those who keep the record.</summary>
    public static bool CanReviewReports(this ClaimsPrincipal user) => user.CanEditRecord();

    public static void DemandReviewReports(this ClaimsPrincipal user)
    {
        if (!user.CanReviewReports())
        {
            throw new UnauthorizedAccessException($"{user.Who()} may not review regional reports.");
        }
    }

    public static bool CanSeeAudit(this ClaimsPrincipal user) =>
        !user.IsApiToken() && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Analyst));
}
