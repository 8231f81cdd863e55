using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Access;

/// <summary>Who may write which region's report, checked by the command itself whatever screen or request calls it.</summary>
public sealed class ReportWriteAccessTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly DateOnly Month = new(2025, 11, 1);

    private async Task<(SaveResult Result, long Rows)> SaveAsync(System.Security.Claims.ClaimsPrincipal user, string region)
    {
        var before = (await StoreTables.CountRowsAsync(store)).Sum(t => t.Rows);
        var result = await store.Get<ReportCommands>().SaveAsync(StoredReports.Simple(region, Month, 500), user, null);
        var after = (await StoreTables.CountRowsAsync(store)).Sum(t => t.Rows);
        return (result, after - before);
    }

    [Fact]
    public async Task An_officer_of_almaty_cannot_write_astana()
    {
        var (result, added) = await SaveAsync(TestUsers.Officer("KZ-75"), "KZ-71");

        Assert.IsType<SaveResult.Forbidden>(result);
        Assert.Equal(0, added);
    }

    [Fact]
    public async Task An_officer_submits_for_their_own_region_and_the_submission_is_audited()
    {
        var (result, added) = await SaveAsync(TestUsers.Officer("KZ-75", "officer.almaty@test.kz"), "KZ-75");

        Assert.Equal(RevisionState.Submitted, Assert.IsType<SaveResult.Saved>(result).State);
        Assert.True(added > 0);
        await using var db = store.CreateContext();
        var entry = await db.Audit.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(("officer.almaty@test.kz", "report.submit", "KZ-75 2025-11"), (entry.User, entry.Action, entry.Subject));
        Assert.NotNull(entry.Before);
        Assert.Contains("\"Total\":500", entry.After);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Administrator)]
    public async Task Managers_and_administrators_write_no_report(string role)
    {
        var (result, added) = await SaveAsync(TestUsers.User($"{role}@test.kz", role, null), "KZ-75");

        Assert.IsType<SaveResult.Forbidden>(result);
        Assert.Equal(0, added);
    }

    [Fact]
    public async Task An_api_token_writes_nothing_even_for_its_own_region()
    {
        var principal = TestUsers.Officer("KZ-75");
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(QuotaDashboard.Features.Access.UserAccess.ApiTokenClaim, "1"));

        var (result, added) = await SaveAsync(principal, "KZ-75");

        Assert.IsType<SaveResult.Forbidden>(result);
        Assert.Equal(0, added);
    }

    [Fact]
    public async Task An_analyst_writes_any_region()
    {
        var (result, _) = await SaveAsync(TestUsers.Analyst(), "KZ-23");

        Assert.Equal(RevisionState.Accepted, Assert.IsType<SaveResult.Saved>(result).State);
    }
}
