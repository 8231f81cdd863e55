using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Hosting;

[Collection(MetricsCollection.Name)]
public sealed partial class MetricsEndpointTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_administrator_reads_saves_open_circuits_and_dashboards_the_fan_out_and_query_durations_in_prometheus_text()
    {
        var client = await _app.SignedInClientAsync(Roles.Administrator);
        // A subscription in the app stands for an open dashboard: it is what a dashboard page makes to hear of changes.
        using var dashboard = new HeardChanges(_app.Services.GetRequiredService<DataChangeNotifier>());
        var month = new DateOnly(2025, 7, 1);
        using (var scope = _app.Services.CreateScope())
        {
            var input = await StoredReports.CurrentInputAsync(scope.ServiceProvider, "KZ-31", month);
            Assert.IsType<SaveResult.Saved>(await scope.ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(input.WithExtra(2), TestUsers.Officer("KZ-31"), null));
        }
        Assert.Contains(new DataChange(DataChangeKind.Submissions, "KZ-31", month), await dashboard.SoFarAsync());
        (await client.GetAsync("/api/dashboard?asOf=2025-12")).EnsureSuccessStatusCode();

        var text = await Scrape.UntilAsync(client, t => t.Contains("view=\"dashboard\"") && Scrape.Value(t, "quota_dashboard_saves_total", "kind=\"Submissions\"") >= 1);

        Assert.Matches(FanOutBucket(), text);
        Assert.Contains("# TYPE quota_dashboard_fan_out_duration_seconds histogram", text);
        Assert.True(Scrape.Value(text, "quota_dashboard_fan_out_duration_seconds_count") >= 1);
        Assert.True(Scrape.Value(text, "quota_dashboard_dashboards_open") >= 1);
        Assert.True(Scrape.Value(text, "quota_dashboard_circuits_open") >= 0);
        Assert.Contains("# TYPE quota_dashboard_query_duration_seconds histogram", text);
        Assert.True(Scrape.Value(text, "quota_dashboard_query_duration_seconds_count", "view=\"dashboard\"") >= 1);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.RegionalOfficer)]
    public async Task Anyone_signed_in_but_an_administrator_is_refused(string role)
    {
        var client = await _app.SignedInClientAsync(role);

        var response = await client.GetAsync(LiveMetrics.ScrapePath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("quota_dashboard", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrators_api_token_is_refused()
    {
        var client = _app.CreateClientWithToken(Roles.Administrator);

        var response = await client.GetAsync(LiveMetrics.ScrapePath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("quota_dashboard", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_not_signed_in_from_another_machine_is_sent_to_sign_in()
    {
        // The test server gives no remote address: not this machine.
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(LiveMetrics.ScrapePath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("quota_dashboard", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_scraper_on_this_machine_reads_the_metrics_without_signing_in()
    {
        await using var app = new AppFactory();
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };

        var text = await Scrape.UntilAsync(client, t => t.Contains("quota_dashboard_dashboards_open"));

        Assert.True(Scrape.Value(text, "quota_dashboard_dashboards_open") >= 0);
    }

    [GeneratedRegex(@"(?m)^quota_dashboard_fan_out_duration_seconds_bucket\{[^}]*le=""1""[^}]*\} \d+")]
    private static partial Regex FanOutBucket();
}
