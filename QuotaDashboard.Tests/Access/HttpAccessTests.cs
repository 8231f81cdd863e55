using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Access;

/// <summary>The role and region rules through the real HTTP pipeline, on a real SQLite file.</summary>
public sealed class HttpAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private HttpClient WithToken(string secret)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?asOf=2025-12&region=KZ-75")]
    [InlineData("/not-a-page")]
    public async Task Anonymous_page_requests_are_sent_to_the_sign_in_page(string path)
    {
        var response = await Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/dashboard?asOf=2025-12")]
    [InlineData("/api/quota/2025")]
    [InlineData("/api/published?asOf=2025-12")]
    [InlineData("/api/series")]
    [InlineData("/api/no-such-endpoint")]
    public async Task Anonymous_api_requests_get_401_and_no_redirect(string path)
    {
        var response = await Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_sign_in_page_the_health_check_and_static_files_are_open_to_everyone()
    {
        var client = Anonymous();

        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Sign in", await login.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_gets_401()
    {
        var response = await WithToken("qd_" + new string('x', 43)).GetAsync("/api/quota/2025");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_serves_its_holder_until_it_is_revoked()
    {
        using var scope = factory.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var issued = Assert.IsType<TokenIssueResult.Issued>(await tokens.IssueAsync("reporting system", Roles.Manager, null, TestUsers.Administrator())).Token;
        var client = WithToken(issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard?asOf=2025-12")).StatusCode);

        Assert.Null(await tokens.RevokeAsync(issued.Token.Id, TestUsers.Administrator()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/dashboard?asOf=2025-12")).StatusCode);
    }

    [Fact]
    public async Task The_store_keeps_only_a_hash_of_a_token()
    {
        using var scope = factory.Services.CreateScope();
        var issued = Assert.IsType<TokenIssueResult.Issued>(
            await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync("hash check", Roles.Analyst, null, TestUsers.Administrator())).Token;

        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        var stored = db.ApiTokens.Single(t => t.Id == issued.Token.Id);
        Assert.NotEqual(issued.Secret, stored.TokenHash);
        Assert.DoesNotContain(issued.Secret, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
    }

    [Fact]
    public async Task Only_an_administrator_issues_tokens()
    {
        using var scope = factory.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();

        foreach (var user in new[] { TestUsers.Analyst(), TestUsers.Manager() })
        {
            var refused = Assert.IsType<TokenIssueResult.Refused>(await tokens.IssueAsync("sneaky", Roles.Analyst, null, user));
            Assert.Equal(TokenProblems.Forbidden, Assert.Single(refused.Problems).Code);
        }
    }

    [Fact]
    public async Task An_officer_token_reads_the_nation_and_its_own_region_but_no_other()
    {
        var client = WithToken(factory.IssueToken(Roles.RegionalOfficer, "KZ-75"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard?asOf=2025-12")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard?asOf=2025-12&region=KZ-75")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/dashboard?asOf=2025-12&region=KZ-71")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/series?region=KZ-71")).StatusCode);
    }
}
