using System.Net;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Access;

/// <summary>A signed-in person who asks for a page their role may not use, through the real HTTP pipeline.</summary>
public sealed class ForbiddenPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.Manager, null, "/audit")]
    [InlineData(Roles.Manager, null, "/admin/accounts")]
    [InlineData(Roles.RegionalOfficer, "KZ-75", "/admin/tokens")]
    [InlineData(Roles.Analyst, null, "/admin/accounts")]
    public async Task A_forbidden_page_answers_403_with_the_access_denied_page_and_not_the_not_found_page(string role, string? region, string path)
    {
        var client = await factory.SignedInClientAsync(role, region);

        var refused = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await client.GetAsync(refused.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(">Access denied</h1>", html);
        Assert.Contains("What you can do instead", html);
        Assert.DoesNotContain("There is no page at this address", html);
    }

    [Fact]
    public async Task A_forbidden_api_request_keeps_its_bare_403()
    {
        var client = await factory.SignedInClientAsync(Roles.RegionalOfficer, "KZ-75");

        var response = await client.GetAsync("/api/dashboard?asOf=2025-12&region=KZ-71");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
