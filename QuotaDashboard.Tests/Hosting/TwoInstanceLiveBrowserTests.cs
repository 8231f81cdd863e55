using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Hosting;
using QuotaDashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QuotaDashboard.Tests.Hosting;

/// <summary>Two instances on one PostgreSQL database: what is saved on one reaches a dashboard open on the other.</summary>
public sealed class TwoInstanceLiveBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TwoInstances? _instances;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_report_saved_on_one_instance_reaches_a_dashboard_open_on_the_other_without_a_reload()
    {
        _instances = TwoInstances.Start("Development");
        (_playwright, _browser) = await TwoInstances.LaunchChromiumAsync();
        var (a, b) = (_instances.A, _instances.B);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = b.Address.ToString(), Locale = "en-US" });
        var page = await context.NewPageAsync();
        var analyst = BrowserFixture.Demo(Roles.Analyst);
        await BrowserFixture.SignInAsync(page, analyst.Email, analyst.Password);
        var dashboard = await page.GotoAsync("/?asOf=2025-06");
        Assert.Equal("B", await dashboard!.HeaderValueAsync(TwoInstances.InstanceHeader));
        await BrowserFixture.WaitForChartAsync(page);
        var workers = page.GetByTestId("headline-workers");
        await Assertions.Expect(workers).Not.ToHaveTextAsync("not published");
        var before = await workers.InnerTextAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");
        // The browser notes when the figure changed, so the delay is measured without Expect's polling in it.
        await workers.EvaluateAsync(@"e => new MutationObserver(() => window.__changedAt ??= Date.now())
            .observe(e, { childList: true, characterData: true, subtree: true })");

        var savingAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using (var scope = a.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(
                new ReportInput("KZ-75", new DateOnly(2025, 6, 1), 50_000,
                    new Dictionary<string, int> { ["cat3"] = 50_000 },
                    new Dictionary<string, int> { ["F"] = 50_000 },
                    new Dictionary<string, int> { ["CN"] = 50_000 }),
                TestUsers.Analyst("instance A"), expectedVersion: null);
            Assert.IsType<SaveResult.Saved>(saved);
        }
        var savedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await Assertions.Expect(workers).Not.ToHaveTextAsync(before, new() { Timeout = 15_000 });
        var changedAt = await page.EvaluateAsync<long>("() => window.__changedAt");
        output.WriteLine($"The save on A took {savedAt - savingAt} ms; B's open dashboard showed it {changedAt - savedAt} ms after (goal: within a second).");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page on B was reloaded.");
        Assert.NotEqual(before, await workers.InnerTextAsync());

        using var http = new HttpClient { BaseAddress = b.Address };
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        var report = await b.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(HostingExtensions.ReadyTag));
        Assert.Equal(HealthStatus.Healthy, report.Entries["notifications"].Status);
    }
}
