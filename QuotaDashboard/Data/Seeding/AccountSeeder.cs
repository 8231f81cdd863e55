using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace QuotaDashboard.Data.Seeding;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The first administrator, created at start-up when no account has this email yet.</summary>
    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>Creates the roles, the configured first administrator, and in Development with the illustrative data the demonstration accounts.</summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<SeedOptions> seed,
    IOptions<AdminOptions> admin,
    ILogger<AccountSeeder> logger)
{
    /// <summary>Demonstration accounts; they exist only beside the illustrative data in Development, never in a real deployment.</summary>
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("admin@demo.quota.kz", "Demo-Admin-2025!", "Demo administrator", Roles.Administrator, null),
        new("analyst@demo.quota.kz", "Demo-Analyst-2025!", "Demo analyst", Roles.Analyst, null),
        new("manager@demo.quota.kz", "Demo-Manager-2025!", "Demo manager", Roles.Manager, null),
        new("officer.almaty@demo.quota.kz", "Demo-Almaty-2025!", "Demo officer, Almaty", Roles.RegionalOfficer, "KZ-75"),
        new("officer.astana@demo.quota.kz", "Demo-Astana-2025!", "Demo officer, Astana", Roles.RegionalOfficer, "KZ-71"),
    ];

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
        if (admin.Value is { Email: { Length: > 0 } email, Password: { Length: > 0 } password })
        {
            await EnsureAsync(new DemoAccount(email, password, "Administrator", Roles.Administrator, null));
        }
        if (seed.Value.IllustrativeData && seed.Value.DemoAccounts)
        {
            foreach (var account in DemoAccounts)
            {
                await EnsureAsync(account);
            }
        }
    }

    private async Task EnsureAsync(DemoAccount account)
    {
        if (await users.FindByEmailAsync(account.Email) is not null)
        {
            return;
        }
        var user = new ApplicationUser
        {
            UserName = account.Email, Email = account.Email, EmailConfirmed = true,
            DisplayName = account.DisplayName, RegionCode = account.RegionCode,
        };
        Check(await users.CreateAsync(user, account.Password), $"account {account.Email}");
        Check(await users.AddToRoleAsync(user, account.Role), $"role of {account.Email}");
        logger.LogInformation("Created the {Role} account {Email}", account.Role, account.Email);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    public sealed record DemoAccount(string Email, string Password, string DisplayName, string Role, string? RegionCode);
}
