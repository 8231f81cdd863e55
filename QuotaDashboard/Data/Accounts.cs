using Microsoft.AspNetCore.Identity;

namespace QuotaDashboard.Data;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The one region a regional officer reports for; null for every other role.</summary>
    public string? RegionCode { get; set; }

    /// <summary>The language the person last chose ("en", "ru" or "kk"), brought to every browser they sign in on; null until they have one.</summary>
    public string? Language { get; set; }
}

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Analyst = nameof(Analyst);
    public const string RegionalOfficer = nameof(RegionalOfficer);
    public const string Manager = nameof(Manager);

    public static readonly IReadOnlyList<string> All = [Administrator, Analyst, RegionalOfficer, Manager];
}

/// <summary>A named, revocable read-only key for other systems; only its hash is kept.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public required string Role { get; set; }
    public string? RegionCode { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
}

/// <summary>One write (or export) in the system: who, when, what, and the state before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string User { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
