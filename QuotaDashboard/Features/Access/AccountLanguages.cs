using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Access;

/// <summary>The language kept with each account, so that a person finds their language on any browser they sign in on.</summary>
public sealed class AccountLanguages(IDbContextFactory<QuotaDbContext> dbFactory)
{
    /// <summary>The languages offered, in the order the switches show them; the first is the default.</summary>
    public static readonly IReadOnlyList<string> Offered = ["en", "ru", "kk"];

    public static bool IsOffered(string? language) => language is not null && Offered.Contains(language);

    public async Task<string?> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(ct);
    }

    /// <summary>Keeps <paramref name="language"/> with the account; false where the language is not offered or there is no such account.</summary>
    public async Task<bool> SetAsync(string userId, string language, CancellationToken ct = default)
    {
        if (!IsOffered(language))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, language), ct) == 1;
    }

    /// <summary>
    /// The language a person gets on signing in: the one kept with their account, or, where it has none yet, the one they read
    /// now, which is then kept for it.
    /// </summary>
    public async Task<string> OnSignInAsync(string userId, string current, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Users.Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(ct);
        if (IsOffered(stored))
        {
            return stored!;
        }
        var language = IsOffered(current) ? current : Offered[0];
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, language), ct);
        return language;
    }
}
