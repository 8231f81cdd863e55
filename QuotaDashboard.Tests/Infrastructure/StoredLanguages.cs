using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>
/// The demonstration accounts are shared by many tests, and an account keeps the language it last chose: a test that signs in
/// starts from an account with none, so it reads the language of its own browser, whatever an earlier test chose.
/// </summary>
public static class StoredLanguages
{
    public static async Task ForgetAsync(IServiceProvider services, string email)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, (string?)null));
    }
}
