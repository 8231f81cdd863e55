using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Export;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>What the API and the exports count while an officer's report waits for review, and once it is accepted.</summary>
public sealed class ApprovalHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_api_and_the_exports_count_a_submitted_report_only_once_it_is_accepted()
    {
        // May 2026 has no national release and, before this test, no regional report: the nation is the sum of the regions' latest.
        var month = new DateOnly(2026, 5, 1);
        var client = app.CreateClientWithToken(Roles.Manager);
        var routes = new[]
        {
            "/api/dashboard?asOf=2026-05&region=KZ-55",
            "/api/dashboard?asOf=2026-05",
            $"/api/export/{ChartNames.Categories}.csv?asOf=2026-05&region=KZ-55",
            $"/api/export/{ChartNames.Ranking}.csv?asOf=2026-05",
        };
        async Task<string[]> ReadAllAsync() => await Task.WhenAll(routes.Select(client.GetStringAsync));
        async Task<(long Region, long Nation)> WorkersAsync() =>
        (
            JsonDocument.Parse(await client.GetStringAsync(routes[0])).RootElement.GetProperty("workers").GetProperty("value").GetInt64(),
            JsonDocument.Parse(await client.GetStringAsync(routes[1])).RootElement.GetProperty("workers").GetProperty("value").GetInt64()
        );
        var before = await ReadAllAsync();
        var (region, nation) = await WorkersAsync();
        Assert.NotEqual(4_321, region);

        using (var scope = app.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ReportCommands>()
                .SaveAsync(StoredReports.Simple("KZ-55", month, 4_321), TestUsers.Officer("KZ-55", "officer.pavlodar@test.kz"), null);
            Assert.Equal(RevisionState.Submitted, Assert.IsType<SaveResult.Saved>(saved).State);
        }

        // Computed afresh from the store, not served from views kept from before the submission.
        await app.Services.GetRequiredService<DashboardCache>().ForgetAsync(DataChange.Anything);
        Assert.Equal(before, await ReadAllAsync());

        await StoredReports.AcceptSubmittedAsync(app.Services, "KZ-55", month);

        var after = await ReadAllAsync();
        Assert.All(Enumerable.Range(0, routes.Length), i => Assert.NotEqual(before[i], after[i]));
        Assert.Equal((4_321L, nation - region + 4_321), await WorkersAsync());
    }
}
