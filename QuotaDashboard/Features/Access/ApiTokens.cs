using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Access;

public sealed record ApiTokenView(int Id, string Name, string Role, string? RegionCode, string CreatedBy, DateTime CreatedAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc);

public sealed record IssuedToken(ApiTokenView Token, string Secret);

/// <summary>The inputs of a token that a problem can be about.</summary>
public static class TokenField
{
    public const string Issuer = "issuer";
    public const string Name = "name";
    public const string Role = "role";
    public const string Region = "region";
    public const string Token = "token";
}

/// <summary>The codes of the problems of issuing a token, each worded by the resource <c>problem.{code}</c>.</summary>
public static class TokenProblems
{
    public const string Forbidden = "token.forbidden";
    /// <summary>{0} the longest name.</summary>
    public const string NameInvalid = "token.name.invalid";
    /// <summary>{0} the role.</summary>
    public const string RoleUnknown = "token.role.unknown";
    public const string RegionMismatch = "token.region.mismatch";
    /// <summary>{0} the region code.</summary>
    public const string RegionUnknown = "token.region.unknown";
    public const string Missing = "token.missing";
    /// <summary>{0} the token's name.</summary>
    public const string AlreadyRevoked = "token.already-revoked";
}

public abstract record TokenIssueResult
{
    public sealed record Issued(IssuedToken Token) : TokenIssueResult;

    /// <summary>Nothing was issued, for these reasons.</summary>
    public sealed record Refused(IReadOnlyList<Problem> Problems) : TokenIssueResult;
}

/// <summary>Issues, lists and revokes read-only API tokens. The secret is shown once; the store keeps its SHA-256 only.</summary>
public sealed class ApiTokenService(IDbContextFactory<QuotaDbContext> dbFactory, TimeProvider clock)
{
    private const string Prefix = "qd_";
    public const int MaxNameLength = 200;

    public async Task<TokenIssueResult> IssueAsync(string name, string role, string? regionCode, ClaimsPrincipal issuer, CancellationToken ct = default)
    {
        if (!issuer.IsInRole(Roles.Administrator) || issuer.IsApiToken())
        {
            return new TokenIssueResult.Refused([new Problem(TokenField.Issuer, TokenProblems.Forbidden)]);
        }
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            problems.Add(new Problem(TokenField.Name, TokenProblems.NameInvalid, MaxNameLength));
        }
        if (!Roles.All.Contains(role))
        {
            problems.Add(new Problem(TokenField.Role, TokenProblems.RoleUnknown, role));
        }
        else if ((role == Roles.RegionalOfficer) != (regionCode is not null))
        {
            problems.Add(new Problem(TokenField.Region, TokenProblems.RegionMismatch));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (regionCode is not null && !await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            problems.Add(new Problem(TokenField.Region, TokenProblems.RegionUnknown, regionCode));
        }
        if (problems.Count > 0)
        {
            return new TokenIssueResult.Refused(problems);
        }
        var secret = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            Name = name.Trim(), TokenHash = Hash(secret), Role = role, RegionCode = regionCode,
            CreatedBy = issuer.Who(), CreatedAtUtc = now,
        };
        db.ApiTokens.Add(token);
        AuditLog.Record(db, issuer.Who(), "token.issue", $"API token '{token.Name}'", null, new { token.Name, token.Role, token.RegionCode }, now);
        await db.SaveChangesAsync(ct);
        return new TokenIssueResult.Issued(new IssuedToken(ToView(token), secret));
    }

    /// <summary>Revokes the token; null when it is done, else why it was not.</summary>
    public async Task<Problem?> RevokeAsync(int id, ClaimsPrincipal by, CancellationToken ct = default)
    {
        if (!by.IsInRole(Roles.Administrator) || by.IsApiToken())
        {
            return new Problem(TokenField.Token, TokenProblems.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return new Problem(TokenField.Token, TokenProblems.Missing);
        }
        if (token.RevokedAtUtc is not null)
        {
            return new Problem(TokenField.Token, TokenProblems.AlreadyRevoked, token.Name);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        token.RevokedAtUtc = now;
        AuditLog.Record(db, by.Who(), "token.revoke", $"API token '{token.Name}'", new { Revoked = false }, new { Revoked = true }, now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.Role, t.RegionCode, t.CreatedBy, t.CreatedAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>The principal a valid, unrevoked token stands for, or null.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string secret, string scheme, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUtc == null, ct);
        if (token is null)
        {
            return null;
        }
        token.LastUsedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        List<Claim> claims =
        [
            new(ClaimTypes.Name, $"token:{token.Name}"),
            new(ClaimTypes.Role, token.Role),
            new(UserAccess.ApiTokenClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        if (token.RegionCode is not null)
        {
            claims.Add(new Claim(UserAccess.RegionClaim, token.RegionCode));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static ApiTokenView ToView(ApiToken t) => new(t.Id, t.Name, t.Role, t.RegionCode, t.CreatedBy, t.CreatedAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc);

    internal static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates <c>Authorization: Bearer qd_…</c> requests with an API token.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var principal = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), SchemeName, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The API token is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
