using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Admin;

/// <summary>The language kept with an account, over a real SQLite file.</summary>
public sealed class AccountLanguageTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly ClaimsPrincipal Admin = TestUsers.Administrator();

    private AccountLanguages Languages => store.Get<AccountLanguages>();

    private async Task<string> CreateOfficerAsync()
    {
        var email = $"language-{Guid.NewGuid():N}@test.kz";
        var administration = store.Get<AccountAdministration>();
        var result = await administration.CreateAsync(new NewAccount(email, "Language test", Roles.RegionalOfficer, "KZ-55", "Pavlodar-Officer-2025"), Admin);
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        await using var db = store.CreateContext();
        return await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
    }

    private async Task<string?> StoredAsync(string userId)
    {
        await using var db = store.CreateContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).SingleAsync();
    }

    [Fact]
    public async Task A_new_account_has_no_language_and_switching_stores_each_choice()
    {
        var officer = await CreateOfficerAsync();
        Assert.Null(await StoredAsync(officer));

        Assert.True(await Languages.SetAsync(officer, "kk"));
        Assert.Equal("kk", await StoredAsync(officer));
        Assert.True(await Languages.SetAsync(officer, "ru"));
        Assert.Equal("ru", await StoredAsync(officer));
    }

    [Fact]
    public async Task A_language_that_is_not_offered_is_not_stored()
    {
        var officer = await CreateOfficerAsync();
        await Languages.SetAsync(officer, "kk");

        Assert.False(await Languages.SetAsync(officer, "uz"));
        Assert.Equal("kk", await StoredAsync(officer));
    }

    [Fact]
    public async Task Signing_in_brings_the_stored_language_whatever_the_browser_reads()
    {
        var officer = await CreateOfficerAsync();
        await Languages.SetAsync(officer, "kk");

        Assert.Equal("kk", await Languages.OnSignInAsync(officer, "en"));
        Assert.Equal("kk", await StoredAsync(officer));
    }

    [Fact]
    public async Task Signing_in_to_an_account_without_a_language_stores_the_one_read_now()
    {
        var officer = await CreateOfficerAsync();

        Assert.Equal("ru", await Languages.OnSignInAsync(officer, "ru"));
        Assert.Equal("ru", await StoredAsync(officer));
    }
}
