using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Releases;

/// <summary>The release write routes through the whole HTTP pipeline: who may write, and what bad bodies get.</summary>
public sealed class ReleaseWriteApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static object Body(string asOf, int total, int? correctsVersion = null) => new
    {
        as_of = asOf,
        precision = "day",
        published_on = (string?)null,
        corrects_version = correctsVersion,
        figures = new[] { new { figure = "total", key = "", value = total, sources = "https://www.enbek.gov.kz/ru/news/example", note = (string?)null } },
    };

    private async Task<IReadOnlyList<(string Table, long Rows)>> RowsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        return await StoreTables.CountRowsAsync(db);
    }

    [Fact]
    public async Task An_analyst_adds_a_release_and_corrects_it_and_the_published_api_shows_the_newest_version()
    {
        var analyst = await factory.SignedInClientAsync(Roles.Analyst);

        var added = await analyst.PostAsJsonAsync("/api/releases", Body("2026-01", 13_950));
        var corrected = await analyst.PostAsJsonAsync("/api/releases/2026-01/versions", Body("2026-01", 13_960, correctsVersion: 1));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(2, (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var published = await analyst.GetFromJsonAsync<JsonElement>("/api/published?asOf=2026-01");
        Assert.Equal(13_960m, published.GetProperty("figures")[0].GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData(Roles.RegionalOfficer, "KZ-75")]
    [InlineData(Roles.Manager, null)]
    [InlineData(Roles.Administrator, null)]
    public async Task Officers_managers_and_administrators_get_403_and_nothing_is_stored(string role, string? region)
    {
        var client = await factory.SignedInClientAsync(role, region);
        var before = await RowsAsync();

        var add = await client.PostAsJsonAsync("/api/releases", Body("2026-02", 14_000));
        var correct = await client.PostAsJsonAsync("/api/releases/2025-12/versions", Body("2025-12", 14_000, correctsVersion: 1));

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, correct.StatusCode);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task An_analysts_read_only_token_gets_403()
    {
        var token = factory.CreateClientWithToken(Roles.Analyst);
        var before = await RowsAsync();

        var response = await token.PostAsJsonAsync("/api/releases", Body("2026-02", 14_000));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await RowsAsync());
    }

    [Theory]
    [InlineData("not json at all", "application/json", "body")]
    [InlineData("{\"as_of\":\"2026-13\",\"figures\":[]}", "application/json", "as_of")]
    [InlineData("{\"as_of\":\"2026-03\",\"figures\":[{\"figure\":\"workers\",\"value\":5,\"sources\":\"x\"}]}", "application/json", "figures")]
    [InlineData("{\"as_of\":\"2026-03\",\"figures\":[{\"figure\":\"total\",\"value\":-5,\"sources\":\"x\"}]}", "application/json", "total")]
    [InlineData("{\"as_of\":\"2099-01\",\"figures\":[{\"figure\":\"total\",\"value\":5,\"sources\":\"x\"}]}", "application/json", "as_of")]
    [InlineData("{\"as_of\":\"2025-12\",\"figures\":[{\"figure\":\"total\",\"value\":5,\"sources\":\"x\"}]}", "application/json", "as_of")]
    public async Task A_bad_body_gets_400_with_a_problem_naming_its_field_and_nothing_is_stored(string body, string contentType, string field)
    {
        var analyst = await factory.SignedInClientAsync(Roles.Analyst);
        var before = await RowsAsync();

        var response = await analyst.PostAsync("/api/releases", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == field && p.GetProperty("message").GetString()!.Length > 10);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_russian_speaking_analyst_reads_the_problem_in_russian()
    {
        var analyst = await factory.SignedInClientAsync(Roles.Analyst);
        // The language signed in with is kept with the account and in the cookie; a Russian speaker switches to Russian.
        await analyst.GetAsync("/culture/set?culture=ru&redirectUri=/");

        var response = await analyst.PostAsJsonAsync("/api/releases", Body("2099-01", 14_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ещё не наступил", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
