using System.Security.Claims;
using MudBlazor;
using QuotaDashboard.Data;

namespace QuotaDashboard.Components.Layout;

/// <summary>One page of the menu: its address, its name (a resource key), its icon, and the roles that may use it (none: everyone signed in).</summary>
public sealed record AppPage(string Href, string Text, string Icon, IReadOnlyList<string> Roles, bool InMenu = true)
{
    public bool IsFor(ClaimsPrincipal user) => Roles.Count == 0 || Roles.Any(user.IsInRole);
}

/// <summary>The pages of the product in menu order: the side menu and the access-denied page both read this list.</summary>
public static class AppPages
{
    public static readonly IReadOnlyList<AppPage> All =
    [
        new("/", "Dashboard", Icons.Material.Filled.Dashboard, []),
        new("/briefing", "Briefing", Icons.Material.Filled.Print, [], InMenu: false),
        new("/reports/entry", "Enter a report", Icons.Material.Filled.EditNote, [Roles.Analyst, Roles.RegionalOfficer]),
        new("/reports/upload", "Upload a file", Icons.Material.Filled.UploadFile, [Roles.Analyst, Roles.RegionalOfficer]),
        new("/reports/history", "Report history", Icons.Material.Filled.History, []),
        new("/reports/review", "Review reports", Icons.Material.Filled.RateReview, [Roles.Analyst]),
        new("/releases", "Published releases", Icons.Material.Filled.Newspaper, [Roles.Analyst]),
        new("/quota", "Quota and allocations", Icons.Material.Filled.Balance, [Roles.Analyst]),
        new("/audit", "Audit log", Icons.Material.Filled.FactCheck, [Roles.Administrator, Roles.Analyst]),
        new("/admin/accounts", "Accounts", Icons.Material.Filled.ManageAccounts, [Roles.Administrator]),
        new("/admin/tokens", "API tokens", Icons.Material.Filled.Key, [Roles.Administrator]),
        new("/admin/backup", "Backup", Icons.Material.Filled.Backup, [Roles.Administrator]),
    ];

    public static IEnumerable<AppPage> For(ClaimsPrincipal user) => All.Where(p => p.IsFor(user));
}
