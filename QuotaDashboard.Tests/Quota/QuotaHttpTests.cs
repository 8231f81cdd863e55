using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Quota;

/// <summary>The quota page and the allocations API through the real HTTP pipeline, with every role.</summary>
public sealed class QuotaHttpTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_analyst_opens_the_quota_page_and_the_other_roles_are_refused_it()
    {
        var analyst = await factory.SignedInClientAsync(Roles.Analyst);
        var page = await analyst.GetAsync("/quota");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Quota and allocations", await page.Content.ReadAsStringAsync());

        foreach (var (role, region) in new[] { (Roles.RegionalOfficer, (string?)"KZ-75"), (Roles.Manager, null), (Roles.Administrator, null) })
        {
            var client = await factory.SignedInClientAsync(role, region);
            var refused = await client.GetAsync("/quota");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            var denied = await client.GetAsync(refused.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.DoesNotContain("href=\"/quota\"", await denied.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_allocations_api_gives_every_region_with_the_national_units_and_the_reserve()
    {
        var client = await factory.SignedInClientAsync(Roles.Manager);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/quota/2025/allocations?asOf=2025-12");

        Assert.Equal(4, json.GetProperty("revisionSequence").GetInt32());
        Assert.Equal(16_700, json.GetProperty("nationalUnits").GetInt32());
        Assert.Equal(json.GetProperty("nationalUnits").GetInt64() - json.GetProperty("allocated").GetInt64(), json.GetProperty("reserve").GetInt64());
        Assert.Equal(20, json.GetProperty("regions").GetArrayLength());
    }

    [Fact]
    public async Task An_officer_of_KZ_75_sees_its_own_allocation_and_the_national_units_and_reserve_and_nothing_of_KZ_71()
    {
        foreach (var client in new[] { await factory.SignedInClientAsync(Roles.RegionalOfficer, "KZ-75"), factory.CreateClientWithToken(Roles.RegionalOfficer, "KZ-75") })
        {
            var body = await client.GetStringAsync("/api/quota/2025/allocations?asOf=2025-12");
            var json = JsonDocument.Parse(body).RootElement;

            var region = Assert.Single(json.GetProperty("regions").EnumerateArray());
            Assert.Equal(("KZ-75", 1_355), (region.GetProperty("regionCode").GetString(), region.GetProperty("units").GetInt32()));
            Assert.Equal(16_700, json.GetProperty("nationalUnits").GetInt32());
            Assert.Equal(JsonValueKind.Number, json.GetProperty("reserve").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.GetProperty("allocated").ValueKind);
            Assert.DoesNotContain("KZ-71", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/quota/2025/allocations", HttpStatusCode.BadRequest)]
    [InlineData("/api/quota/2025/allocations?asOf=2024-12", HttpStatusCode.BadRequest)]
    [InlineData("/api/quota/twenty/allocations?asOf=2025-12", HttpStatusCode.BadRequest)]
    [InlineData("/api/quota/2018/allocations?asOf=2018-05", HttpStatusCode.NotFound)]
    public async Task A_bad_allocations_request_gets_a_problem(string path, HttpStatusCode status)
    {
        var client = await factory.SignedInClientAsync(Roles.Analyst);

        Assert.Equal(status, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_allocations_api()
    {
        var response = await factory.CreateClient().GetAsync("/api/quota/2025/allocations?asOf=2025-12");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Once_2026_has_units_the_api_gives_its_use_and_the_allocations_of_2026()
    {
        var client = await factory.SignedInClientAsync(Roles.Manager);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/dashboard?asOf=2026-01");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("usePct").ValueKind);

        using (var scope = factory.Services.CreateScope())
        {
            var initial = (await scope.ServiceProvider.GetRequiredService<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2026).Revisions.Single();
            Assert.IsType<QuotaSaveResult.Saved>(await scope.ServiceProvider.GetRequiredService<QuotaCommands>()
                .CorrectAsync(initial.ToInput() with { Units = 18_146 }, initial.Sequence, TestUsers.Analyst()));
            Assert.IsType<AllocationSaveResult.Saved>(await scope.ServiceProvider.GetRequiredService<AllocationCommands>()
                .SaveAsync(new AllocationGridInput(2026, null, [new AllocationCellInput("KZ-75", "2000", null)], "example order"), TestUsers.Analyst()));
        }

        var after = await client.GetFromJsonAsync<JsonElement>("/api/dashboard?asOf=2026-01");
        Assert.Equal(18_146, after.GetProperty("quota").GetProperty("units").GetInt32());
        Assert.Equal(Math.Round(100m * after.GetProperty("workers").GetProperty("value").GetInt64() / 18_146, 1), after.GetProperty("usePct").GetDecimal());
        var almaty = after.GetProperty("ranking").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "KZ-75");
        Assert.Equal(2_000, almaty.GetProperty("allocation").GetInt32());
        Assert.Equal(JsonValueKind.Number, almaty.GetProperty("usePct").ValueKind);
        var allocations = await client.GetFromJsonAsync<JsonElement>("/api/quota/2026/allocations?asOf=2026-01");
        Assert.Equal((18_146, 16_146L), (allocations.GetProperty("nationalUnits").GetInt32(), allocations.GetProperty("reserve").GetInt64()));
    }
}
