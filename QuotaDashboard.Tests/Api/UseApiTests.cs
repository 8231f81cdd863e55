using System.Net;
using System.Text.Json;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Api;

public sealed class UseApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Use_of_December_2025_gives_the_nation_and_every_region_with_state_forecast_and_pending_revisions()
    {
        using var client = factory.CreateClientWithToken(Roles.Analyst);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/use?asOf=2025-12"));

        var root = json.RootElement;
        var nation = root.GetProperty("nation");
        Assert.Equal(14_103, nation.GetProperty("workers").GetInt64());
        Assert.Equal(16_700, nation.GetProperty("units").GetInt32());
        Assert.Equal(4, nation.GetProperty("revisionSequence").GetInt32());
        Assert.Equal("Within", nation.GetProperty("state").GetString());
        Assert.Equal("NotWithinYear", nation.GetProperty("forecast").GetProperty("outcome").GetString());
        Assert.Equal(0, nation.GetProperty("pendingRevisions").GetInt32());
        var regions = root.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(20, regions.Count);
        var astana = regions.Single(r => r.GetProperty("regionCode").GetString() == "KZ-71");
        Assert.Equal(("Over", 106.3m), (astana.GetProperty("state").GetString(), astana.GetProperty("usePct").GetDecimal()));
        Assert.Equal(90m, root.GetProperty("thresholds").GetProperty("thresholds").GetProperty("nearPct").GetDecimal());
    }

    [Fact]
    public async Task An_officer_reads_their_own_region_only()
    {
        using var client = factory.CreateClientWithToken(Roles.RegionalOfficer, "KZ-75");

        var body = await client.GetStringAsync("/api/use?asOf=2025-12");

        using var json = JsonDocument.Parse(body);
        Assert.Equal(["KZ-75"], json.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("regionCode").GetString()));
        Assert.DoesNotContain("KZ-71", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-13")]
    [InlineData("<b>")]
    public async Task A_month_that_is_no_month_gets_a_problem_not_an_error(string asOf)
    {
        using var client = factory.CreateClientWithToken(Roles.Analyst);

        using var response = await client.GetAsync($"/api/use?asOf={Uri.EscapeDataString(asOf)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("asOf", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
