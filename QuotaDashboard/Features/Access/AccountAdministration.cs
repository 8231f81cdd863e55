using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Access;

public sealed record AccountView(string Id, string Email, string DisplayName, string? Role, string? RegionCode, DateTimeOffset? LockedOutUntil)
{
    /// <summary>Locked by an administrator until one unlocks it, rather than for a while after failed sign-ins.</summary>
    public bool LockedIndefinitely => LockedOutUntil == DateTimeOffset.MaxValue;
}

public sealed record NewAccount(string Email, string DisplayName, string Role, string? RegionCode, string Password);

/// <summary>The input a problem is about, so that a form can show it beside that field.</summary>
public static class AccountField
{
    public const string Account = "account";
    public const string Email = "email";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string Region = "region";
    public const string Password = "password";
}

/// <summary>The codes of the problems of account administration, each worded by the resource <c>problem.{code}</c>.</summary>
public static class AccountProblems
{
    public const string DisplayNameMissing = "account.display-name.missing";
    /// <summary>{0} the longest name.</summary>
    public const string DisplayNameTooLong = "account.display-name.too-long";
    public const string RoleMissing = "account.role.missing";
    public const string RegionRequired = "account.region.required";
    public const string RegionNotAllowed = "account.region.not-allowed";
    /// <summary>{0} the region code.</summary>
    public const string RegionUnknown = "account.region.unknown";
    public const string OwnAdministratorRole = "account.role.own-administrator";
    public const string LockSelf = "account.lock.self";
    public const string Missing = "account.missing";
}

/// <summary>Done, or the problems for which nothing was changed.</summary>
public sealed record AccountResult(IReadOnlyList<Problem> Problems)
{
    public static readonly AccountResult Done = new([]);

    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Accounts, roles, an officer's region and lockout, for administrators only: every method checks the acting user itself.
/// Each change is one transaction with its audit entry; a change of role, region, lock or password renews the account's
/// security stamp, so that its existing sign-ins are checked again.
/// </summary>
public sealed class AccountAdministration(
    IServiceScopeFactory scopes,
    IDbContextFactory<QuotaDbContext> dbFactory,
    IOptions<IdentityOptions> identity,
    TimeProvider clock)
{
    public const string CreateAction = "account.create";
    public const string RoleAction = "account.role";
    public const string LockAction = "account.lock";
    public const string UnlockAction = "account.unlock";
    public const string PasswordAction = "account.password";
    public const int MaxDisplayName = 200;

    public async Task<IReadOnlyList<AccountView>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.RegionCode, u.LockoutEnd,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(n => n).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // SQLite cannot compare DateTimeOffset values, so a lockout that has run out is dropped here.
        var now = clock.GetUtcNow();
        return rows.Select(r => new AccountView(r.Id, r.Email ?? "", r.DisplayName, r.Role, r.RegionCode, r.LockoutEnd > now ? r.LockoutEnd : null)).ToList();
    }

    public Task<AccountResult> CreateAsync(NewAccount account, ClaimsPrincipal actor, CancellationToken ct = default) =>
        InTransactionAsync(actor, async (users, db) =>
        {
            var email = account.Email.Trim();
            var region = Normalize(account.RegionCode);
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = account.DisplayName.Trim(), RegionCode = region,
            };
            var errors = new List<Problem>();
            if (user.DisplayName.Length == 0)
            {
                errors.Add(new(AccountField.DisplayName, AccountProblems.DisplayNameMissing));
            }
            else if (user.DisplayName.Length > MaxDisplayName)
            {
                errors.Add(new(AccountField.DisplayName, AccountProblems.DisplayNameTooLong, MaxDisplayName));
            }
            errors.AddRange(await CheckRoleAsync(db, account.Role, region, ct));
            // Every rule at once, so that the form shows all that is wrong rather than one thing per try.
            foreach (var validator in users.UserValidators)
            {
                errors.AddRange(Describe(await validator.ValidateAsync(users, user), email));
            }
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange(Describe(await validator.ValidateAsync(users, user, account.Password), email));
            }
            if (errors.Count > 0)
            {
                return new AccountResult(errors.DistinctBy(e => (e.Field, e.Code)).ToList());
            }
            var result = await RunAsync(email, () => users.CreateAsync(user, account.Password), () => users.AddToRoleAsync(user, account.Role));
            if (result.Succeeded)
            {
                Record(db, actor, CreateAction, user, null, Snapshot(user, account.Role));
            }
            return result;
        }, ct);

    /// <summary>Gives the account a role; a regional officer is bound to exactly one region, every other role to none.</summary>
    public Task<AccountResult> ChangeRoleAsync(string userId, string role, string? regionCode, ClaimsPrincipal actor, CancellationToken ct = default) =>
        EditAsync(userId, actor, async (users, db, user) =>
        {
            var region = Normalize(regionCode);
            var errors = await CheckRoleAsync(db, role, region, ct);
            if (errors.Count > 0)
            {
                return new AccountResult(errors);
            }
            var roles = await users.GetRolesAsync(user);
            if (IsSelf(actor, user) && role != Roles.Administrator)
            {
                return Refuse(AccountField.Role, AccountProblems.OwnAdministratorRole);
            }
            if (roles.SequenceEqual([role]) && user.RegionCode == region)
            {
                return AccountResult.Done;
            }
            var before = Snapshot(user, roles.FirstOrDefault());
            user.RegionCode = region;
            var result = await RunAsync(user.Email,
                () => users.RemoveFromRolesAsync(user, roles),
                () => users.AddToRoleAsync(user, role),
                () => users.UpdateSecurityStampAsync(user));
            if (result.Succeeded)
            {
                Record(db, actor, RoleAction, user, before, Snapshot(user, role));
            }
            return result;
        }, ct);

    /// <summary>Locks the account until an administrator unlocks it.</summary>
    public Task<AccountResult> LockAsync(string userId, ClaimsPrincipal actor, CancellationToken ct = default) =>
        EditAsync(userId, actor, async (users, db, user) =>
        {
            if (IsSelf(actor, user))
            {
                return Refuse(AccountField.Account, AccountProblems.LockSelf);
            }
            var before = LockState(user);
            if (user.LockoutEnd == DateTimeOffset.MaxValue)
            {
                return AccountResult.Done;
            }
            var result = await RunAsync(user.Email,
                () => users.SetLockoutEnabledAsync(user, true),
                () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
                () => users.UpdateSecurityStampAsync(user));
            if (result.Succeeded)
            {
                Record(db, actor, LockAction, user, before, LockState(user));
            }
            return result;
        }, ct);

    /// <summary>Lifts a lock, whether an administrator set it or failed sign-ins did, and forgets the failed sign-ins.</summary>
    public Task<AccountResult> UnlockAsync(string userId, ClaimsPrincipal actor, CancellationToken ct = default) =>
        EditAsync(userId, actor, async (users, db, user) =>
        {
            var before = LockState(user);
            if (!before.Locked)
            {
                return AccountResult.Done;
            }
            var result = await RunAsync(user.Email,
                () => users.SetLockoutEndDateAsync(user, null),
                () => users.ResetAccessFailedCountAsync(user),
                () => users.UpdateSecurityStampAsync(user));
            if (result.Succeeded)
            {
                Record(db, actor, UnlockAction, user, before, LockState(user));
            }
            return result;
        }, ct);

    /// <summary>Replaces the account's password; the audit says that it happened, never what the password is.</summary>
    public Task<AccountResult> SetPasswordAsync(string userId, string password, ClaimsPrincipal actor, CancellationToken ct = default) =>
        EditAsync(userId, actor, async (users, db, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await RunAsync(user.Email, () => users.ResetPasswordAsync(user, token, password));
            if (result.Succeeded)
            {
                Record(db, actor, PasswordAction, user, null, new { Password = "replaced by an administrator" });
            }
            return result;
        }, ct);

    private static void Demand(ClaimsPrincipal actor)
    {
        if (actor.Identity?.IsAuthenticated != true || !actor.IsInRole(Roles.Administrator) || actor.IsApiToken())
        {
            throw new UnauthorizedAccessException("Only an administrator manages accounts.");
        }
    }

    /// <summary>Runs a change in its own scope and transaction: Identity saves as it goes, so only the commit makes it stick.</summary>
    private async Task<AccountResult> InTransactionAsync(ClaimsPrincipal actor, Func<UserManager<ApplicationUser>, QuotaDbContext, Task<AccountResult>> change, CancellationToken ct)
    {
        Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<QuotaDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await change(users, db);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return result;
    }

    private Task<AccountResult> EditAsync(string userId, ClaimsPrincipal actor,
        Func<UserManager<ApplicationUser>, QuotaDbContext, ApplicationUser, Task<AccountResult>> edit, CancellationToken ct) =>
        InTransactionAsync(actor, async (users, db) => await users.FindByIdAsync(userId) is { } user
            ? await edit(users, db, user)
            : Refuse(AccountField.Account, AccountProblems.Missing), ct);

    private async Task<AccountResult> RunAsync(string? email, params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return new AccountResult(Describe(result, email).DistinctBy(e => (e.Field, e.Code)).ToList());
            }
        }
        return AccountResult.Done;
    }

    private static async Task<List<Problem>> CheckRoleAsync(QuotaDbContext db, string? role, string? regionCode, CancellationToken ct)
    {
        var errors = new List<Problem>();
        if (role is null || !Roles.All.Contains(role))
        {
            errors.Add(new(AccountField.Role, AccountProblems.RoleMissing));
        }
        else if (role == Roles.RegionalOfficer && regionCode is null)
        {
            errors.Add(new(AccountField.Region, AccountProblems.RegionRequired));
        }
        else if (role != Roles.RegionalOfficer && regionCode is not null)
        {
            errors.Add(new(AccountField.Region, AccountProblems.RegionNotAllowed));
        }
        else if (regionCode is not null && !await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            errors.Add(new(AccountField.Region, AccountProblems.RegionUnknown, regionCode));
        }
        return errors;
    }

    /// <summary>Identity's errors as problems, each about the field it concerns; the user name is the email.</summary>
    private IEnumerable<Problem> Describe(IdentityResult result, string? email) => result.Errors.Select(e => e.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            LocalizedIdentityErrors.ToProblem(AccountField.Email, nameof(IdentityErrorDescriber.DuplicateEmail), email),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            LocalizedIdentityErrors.ToProblem(AccountField.Email, nameof(IdentityErrorDescriber.InvalidEmail), email),
        nameof(IdentityErrorDescriber.PasswordTooShort) =>
            LocalizedIdentityErrors.ToProblem(AccountField.Password, e.Code, identity.Value.Password.RequiredLength),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) =>
            LocalizedIdentityErrors.ToProblem(AccountField.Password, e.Code, identity.Value.Password.RequiredUniqueChars),
        _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => LocalizedIdentityErrors.ToProblem(AccountField.Password, e.Code),
        _ when typeof(IdentityErrorDescriber).GetMethod(e.Code) is { } method && method.GetParameters().Length == 0 =>
            LocalizedIdentityErrors.ToProblem(AccountField.Account, e.Code),
        _ => LocalizedIdentityErrors.ToProblem(AccountField.Account, nameof(IdentityErrorDescriber.DefaultError)),
    });

    /// <summary>The cookie carries both the account's id and its user name; either identifies the account.</summary>
    private static bool IsSelf(ClaimsPrincipal actor, ApplicationUser user) =>
        actor.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id || string.Equals(actor.Who(), user.UserName, StringComparison.OrdinalIgnoreCase);

    private static AccountResult Refuse(string field, string code) => new([new Problem(field, code)]);

    private static string? Normalize(string? regionCode) => string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();

    private static object Snapshot(ApplicationUser user, string? role) => new { user.Email, user.DisplayName, Role = role, user.RegionCode };

    private LockSnapshot LockState(ApplicationUser user) => user.LockoutEnd > clock.GetUtcNow()
        ? new(true, user.LockoutEnd == DateTimeOffset.MaxValue ? null : user.LockoutEnd)
        : new(false, null);

    /// <summary>No end means locked until an administrator unlocks the account.</summary>
    private sealed record LockSnapshot(bool Locked, DateTimeOffset? LockedOutUntil);

    private void Record(QuotaDbContext db, ClaimsPrincipal actor, string action, ApplicationUser user, object? before, object? after) =>
        AuditLog.Record(db, actor.Who(), action, $"Account '{user.Email}'", before, after, clock.GetUtcNow().UtcDateTime);
}
