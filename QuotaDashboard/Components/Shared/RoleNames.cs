using Microsoft.Extensions.Localization;
using QuotaDashboard.Data;

namespace QuotaDashboard.Components.Shared;

public static class RoleNames
{
    /// <summary>A role as people read it: the role's own name is its resource key, and "RegionalOfficer" is no English word.</summary>
    public static string RoleName(this IStringLocalizer<SharedResource> localizer, string role) =>
        role == Roles.RegionalOfficer ? localizer["Regional officer"] : localizer[role];
}
