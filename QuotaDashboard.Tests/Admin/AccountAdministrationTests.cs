using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Admin;

/// <summary>Account administration over a real SQLite file: who may do it, what it checks, and what the audit log keeps.</summary>
public sealed class AccountAdministrationTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private const string Password = "Pavlodar-Officer-2025";
    private static readonly ClaimsPrincipal Admin = TestUsers.Administrator();

    private AccountAdministration Service => store.Get<AccountAdministration>();

    private static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}@test.kz";

    private async Task<ApplicationUser> CreateOfficerAsync(string email, string region = "KZ-55")
    {
        var result = await Service.CreateAsync(new NewAccount(email, "Pavlodar officer", Roles.RegionalOfficer, region, Password), Admin);
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        return await FindAsync(email);
    }

    private async Task<ApplicationUser> FindAsync(string email)
    {
        await using var db = store.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    private async Task<IReadOnlyList<string>> RolesOfAsync(string userId)
    {
        await using var db = store.CreateContext();
        return await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(string email)
    {
        await using var db = store.CreateContext();
        return await db.Audit.AsNoTracking().Where(a => a.Subject == $"Account '{email}'").OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The principal the sign-in cookie of this account carries: its id, name, role and region.</summary>
    private async Task<ClaimsPrincipal> SignedInAsync(string email)
    {
        using var scope = store.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<bool> ChecksPasswordAsync(string email, string password)
    {
        using var scope = store.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }

    private async Task<long> AllRowsAsync() => (await StoreTables.CountRowsAsync(store)).Sum(t => t.Rows);

    [Fact]
    public async Task An_administrator_creates_an_officer_bound_to_KZ_55_and_the_audit_keeps_no_password()
    {
        var email = NewEmail("pavlodar");

        var user = await CreateOfficerAsync(email);

        Assert.Equal("KZ-55", user.RegionCode);
        Assert.Equal([Roles.RegionalOfficer], await RolesOfAsync(user.Id));
        Assert.True(await ChecksPasswordAsync(email, Password));
        var listed = Assert.Single(await Service.ListAsync(Admin), a => a.Email == email);
        Assert.Equal((Roles.RegionalOfficer, "KZ-55", (DateTimeOffset?)null), (listed.Role, listed.RegionCode, listed.LockedOutUntil));
        var entry = Assert.Single(await AuditOfAsync(email));
        Assert.Equal((AccountAdministration.CreateAction, Admin.Who()), (entry.Action, entry.User));
        Assert.Null(entry.Before);
        Assert.Contains("\"RegionCode\":\"KZ-55\"", entry.After);
        Assert.Contains("\"Role\":\"RegionalOfficer\"", entry.After);
        Assert.DoesNotContain(Password, entry.After);
    }

    [Fact]
    public async Task Changing_the_role_or_the_region_is_audited_before_and_after_and_renews_the_security_stamp()
    {
        var email = NewEmail("rebound");
        var created = await CreateOfficerAsync(email);

        Assert.True((await Service.ChangeRoleAsync(created.Id, Roles.RegionalOfficer, "KZ-75", Admin)).Succeeded);
        var rebound = await FindAsync(email);
        Assert.True((await Service.ChangeRoleAsync(created.Id, Roles.Analyst, null, Admin)).Succeeded);
        var analyst = await FindAsync(email);

        Assert.Equal("KZ-75", rebound.RegionCode);
        Assert.NotEqual(created.SecurityStamp, rebound.SecurityStamp);
        Assert.Null(analyst.RegionCode);
        Assert.Equal([Roles.Analyst], await RolesOfAsync(created.Id));
        Assert.NotEqual(rebound.SecurityStamp, analyst.SecurityStamp);
        var changes = (await AuditOfAsync(email)).Where(a => a.Action == AccountAdministration.RoleAction).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains("\"RegionCode\":\"KZ-55\"", changes[0].Before);
        Assert.Contains("\"RegionCode\":\"KZ-75\"", changes[0].After);
        Assert.Contains("\"Role\":\"RegionalOfficer\"", changes[1].Before);
        Assert.Contains("\"Role\":\"Analyst\"", changes[1].After);
        Assert.Contains("\"RegionCode\":null", changes[1].After);
    }

    [Fact]
    public async Task Locking_and_unlocking_are_audited_and_renew_the_security_stamp()
    {
        var email = NewEmail("locked");
        var created = await CreateOfficerAsync(email);

        Assert.True((await Service.LockAsync(created.Id, Admin)).Succeeded);
        var locked = await FindAsync(email);
        var listed = Assert.Single(await Service.ListAsync(Admin), a => a.Email == email);
        Assert.True((await Service.UnlockAsync(created.Id, Admin)).Succeeded);
        var unlocked = await FindAsync(email);

        Assert.True(listed.LockedIndefinitely);
        Assert.Equal(DateTimeOffset.MaxValue, locked.LockoutEnd);
        Assert.NotEqual(created.SecurityStamp, locked.SecurityStamp);
        Assert.Null(unlocked.LockoutEnd);
        Assert.NotEqual(locked.SecurityStamp, unlocked.SecurityStamp);
        Assert.Null(Assert.Single(await Service.ListAsync(Admin), a => a.Email == email).LockedOutUntil);
        var audit = await AuditOfAsync(email);
        var lockEntry = Assert.Single(audit, a => a.Action == AccountAdministration.LockAction);
        Assert.Contains("\"Locked\":false", lockEntry.Before);
        Assert.Contains("\"Locked\":true", lockEntry.After);
        var unlockEntry = Assert.Single(audit, a => a.Action == AccountAdministration.UnlockAction);
        Assert.Contains("\"Locked\":true", unlockEntry.Before);
        Assert.Contains("\"Locked\":false", unlockEntry.After);
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one_and_the_audit_says_so_without_holding_either()
    {
        var email = NewEmail("password");
        var created = await CreateOfficerAsync(email);
        const string newPassword = "Replaced-Secret-2026";

        var result = await Service.SetPasswordAsync(created.Id, newPassword, Admin);

        Assert.True(result.Succeeded);
        Assert.True(await ChecksPasswordAsync(email, newPassword));
        Assert.False(await ChecksPasswordAsync(email, Password));
        Assert.NotEqual(created.SecurityStamp, (await FindAsync(email)).SecurityStamp);
        var audit = await AuditOfAsync(email);
        Assert.Single(audit, a => a.Action == AccountAdministration.PasswordAction);
        Assert.All(audit, a => Assert.DoesNotContain(newPassword, $"{a.Before} {a.After} {a.Subject}"));
        Assert.All(audit, a => Assert.DoesNotContain(Password, $"{a.Before} {a.After} {a.Subject}"));
    }

    public static TheoryData<string> NotAdministrators => ["analyst", "manager", "officer", "administrator's API token", "anonymous"];

    private static ClaimsPrincipal Principal(string who) => who switch
    {
        "analyst" => TestUsers.Analyst(),
        "manager" => TestUsers.Manager(),
        "officer" => TestUsers.Officer("KZ-55"),
        "administrator's API token" => new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "token:sneaky"), new Claim(ClaimTypes.Role, Roles.Administrator), new Claim(UserAccess.ApiTokenClaim, "1")], "ApiToken")),
        _ => new ClaimsPrincipal(new ClaimsIdentity()),
    };

    [Theory]
    [MemberData(nameof(NotAdministrators))]
    public async Task Anyone_but_an_administrator_is_refused_by_every_method_and_nothing_changes(string who)
    {
        var target = await CreateOfficerAsync(NewEmail("target"));
        var actor = Principal(who);
        var rows = await AllRowsAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.ListAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Service.CreateAsync(new NewAccount(NewEmail("sneaky"), "Sneaky", Roles.Administrator, null, Password), actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.ChangeRoleAsync(target.Id, Roles.Administrator, null, actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.LockAsync(target.Id, actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.UnlockAsync(target.Id, actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.SetPasswordAsync(target.Id, "Taken-Over-2025x", actor));

        Assert.Equal(rows, await AllRowsAsync());
        var after = await FindAsync(target.Email!);
        Assert.Equal(target.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal(target.PasswordHash, after.PasswordHash);
        Assert.Equal([Roles.RegionalOfficer], await RolesOfAsync(target.Id));
    }

    [Fact]
    public async Task An_officer_without_a_region_is_refused_and_nothing_is_stored()
    {
        var existing = await CreateOfficerAsync(NewEmail("regionless"));
        var rows = await AllRowsAsync();

        var created = await Service.CreateAsync(new NewAccount(NewEmail("no-region"), "No region", Roles.RegionalOfficer, null, Password), Admin);
        var blank = await Service.CreateAsync(new NewAccount(NewEmail("blank-region"), "Blank region", Roles.RegionalOfficer, "  ", Password), Admin);
        var changed = await Service.ChangeRoleAsync(existing.Id, Roles.RegionalOfficer, null, Admin);

        Assert.All([created, blank, changed], r => Assert.Equal(AccountField.Region, Assert.Single(r.Problems).Field));
        Assert.Equal(rows, await AllRowsAsync());
        Assert.Equal("KZ-55", (await FindAsync(existing.Email!)).RegionCode);
    }

    [Theory]
    [InlineData(Roles.Analyst, "KZ-55")]
    [InlineData(Roles.RegionalOfficer, "KZ-99")]
    [InlineData("Superuser", null)]
    public async Task A_region_for_another_role_an_unknown_region_or_an_unknown_role_is_refused(string role, string? region)
    {
        var rows = await AllRowsAsync();

        var result = await Service.CreateAsync(new NewAccount(NewEmail("odd"), "Odd", role, region, Password), Admin);

        Assert.False(result.Succeeded);
        Assert.All(result.Problems, e => Assert.Contains(e.Field, new[] { AccountField.Role, AccountField.Region }));
        Assert.Equal(rows, await AllRowsAsync());
    }

    [Fact]
    public async Task A_weak_password_gets_a_message_for_each_rule_it_breaks_and_nothing_is_stored()
    {
        var existing = await CreateOfficerAsync(NewEmail("weak"));
        var rows = await AllRowsAsync();

        var created = await Service.CreateAsync(new NewAccount(NewEmail("weak-new"), "Weak", Roles.Manager, null, "short"), Admin);
        var set = await Service.SetPasswordAsync(existing.Id, "alllowercaseletters", Admin);

        Assert.All(created.Problems.Concat(set.Problems), e => Assert.Equal(AccountField.Password, e.Field));
        Assert.Equal(3, created.Problems.Count);
        Assert.Contains(created.Problems, e => e.Code == "identity.PasswordTooShort" && Equals(e.Args.Single(), 12));
        Assert.Equal(2, set.Problems.Count);
        Assert.Equal(rows, await AllRowsAsync());
        Assert.True(await ChecksPasswordAsync(existing.Email!, Password));
    }

    [Fact]
    public async Task A_duplicate_email_in_any_case_gets_one_message_and_nothing_is_stored()
    {
        var rows = await AllRowsAsync();

        var result = await Service.CreateAsync(new NewAccount("ADMIN@demo.quota.kz", "Second admin", Roles.Administrator, null, Password), Admin);

        var error = Assert.Single(result.Problems);
        Assert.Equal(AccountField.Email, error.Field);
        Assert.Equal("identity.DuplicateEmail", error.Code);
        Assert.Contains("already exists", store.Get<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>().Worded(error));
        Assert.Equal(rows, await AllRowsAsync());
    }

    [Fact]
    public async Task Every_message_of_a_form_comes_at_once()
    {
        var result = await Service.CreateAsync(new NewAccount("not an email", " ", Roles.RegionalOfficer, null, "weak"), Admin);

        Assert.Equal(
            [AccountField.DisplayName, AccountField.Email, AccountField.Password, AccountField.Region],
            result.Problems.Select(e => e.Field).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role_or_lock_themselves_out()
    {
        var demo = AccountSeeder.DemoAccounts.First(a => a.Role == Roles.Administrator);
        var self = await SignedInAsync(demo.Email);
        var before = await FindAsync(demo.Email);
        var rows = await AllRowsAsync();

        var demoted = await Service.ChangeRoleAsync(before.Id, Roles.Manager, null, self);
        var locked = await Service.LockAsync(before.Id, self);

        Assert.Equal(AccountField.Role, Assert.Single(demoted.Problems).Field);
        Assert.Equal(AccountField.Account, Assert.Single(locked.Problems).Field);
        Assert.Equal(rows, await AllRowsAsync());
        Assert.Equal(before.ConcurrencyStamp, (await FindAsync(demo.Email)).ConcurrencyStamp);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(before.Id));
    }

    [Fact]
    public async Task Markup_in_a_display_name_is_stored_exactly_as_given()
    {
        const string name = "<script>alert('x')</script> <b>Officer</b> & co";
        var email = NewEmail("markup");

        var result = await Service.CreateAsync(new NewAccount(email, name, Roles.Manager, null, Password), Admin);

        Assert.True(result.Succeeded);
        Assert.Equal(name, (await FindAsync(email)).DisplayName);
        Assert.Equal(name, Assert.Single(await Service.ListAsync(Admin), a => a.Email == email).DisplayName);
    }

    [Fact]
    public async Task Messages_come_in_the_language_of_the_user()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ru");
        try
        {
            var result = await Service.CreateAsync(new NewAccount(NewEmail("ru"), "Русский", Roles.Manager, null, "Short1a"), Admin);

            Assert.Equal("Пароль должен содержать не менее 12 символов.",
                store.Get<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>().Worded(Assert.Single(result.Problems), "ru"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task A_change_to_an_account_that_no_longer_exists_says_so()
    {
        var result = await Service.LockAsync(Guid.NewGuid().ToString(), Admin);

        Assert.Equal(AccountField.Account, Assert.Single(result.Problems).Field);
    }
}
