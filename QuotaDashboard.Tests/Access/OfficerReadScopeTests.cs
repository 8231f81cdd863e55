using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Access;

/// <summary>An Astana report with a reason, then everything an Almaty officer can download: nothing of Astana or any other region may be in it.</summary>
public sealed class OfficerReadScopeTests : IClassFixture<OfficerReadScopeTests.AstanaReportedApp>
{
    public const string AstanaReason = "Astana counted two transfers twice <b>check</b>";
    private const string Own = "KZ-75";

    public sealed class AstanaReportedApp : AppFactory, IAsyncLifetime
    {
        public IReadOnlyList<string> OtherRegions { get; private set; } = [];

        public async Task InitializeAsync()
        {
            using var scope = Services.CreateScope();
            var commands = scope.ServiceProvider.GetRequiredService<ReportCommands>();
            var input = new ReportInput("KZ-71", new DateOnly(2025, 12, 1), 1_000,
                new Dictionary<string, int> { ["cat1"] = 10, ["cat2"] = 10, ["cat3"] = 10, ["cat4"] = 10, ["seasonal"] = 10, ["ict"] = 900 },
                new Dictionary<string, int>(), new Dictionary<string, int>(), MismatchReason: AstanaReason);
            var result = await commands.SaveAsync(input, TestUsers.Officer("KZ-71"), null);
            Assert.IsType<SaveResult.Saved>(result);
            // Accepted, so that the Astana reason counts and shows wherever an analyst reads.
            await StoredReports.AcceptSubmittedAsync(Services, "KZ-71", input.Month);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
            OtherRegions = await db.Regions.Where(r => r.Code != Own).Select(r => r.Code).ToListAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private readonly AstanaReportedApp _app;

    public OfficerReadScopeTests(AstanaReportedApp app) => _app = app;

    private HttpClient Officer(string language = "en")
    {
        var client = _app.CreateClientWithToken(Roles.RegionalOfficer, Own);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private void AssertNothingOfOtherRegions(string text, string route)
    {
        Assert.DoesNotContain("Astana counted", text, StringComparison.Ordinal);
        foreach (var code in _app.OtherRegions)
        {
            Assert.False(text.Contains(code, StringComparison.Ordinal), $"{route} shows {code} to the officer of {Own}.");
        }
    }

    private static string XlsxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var text = new StringBuilder();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, sheetName: sheet))
            {
                text.AppendLine(string.Join('\t', row.Values));
            }
        }
        return text.ToString();
    }

    [Theory]
    [InlineData("/api/export/dashboard.xlsx?asOf=2025-12&region=KZ-75")]
    [InlineData("/api/export/dashboard.xlsx?asOf=2025-12")]
    [InlineData("/api/export/regions-by-use.xlsx?asOf=2025-12")]
    [InlineData("/api/export/regions-by-use.xlsx?asOf=2025-06&region=KZ-75")]
    public async Task An_officers_workbooks_hold_nothing_of_another_region(string route)
    {
        var response = await Officer().GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNothingOfOtherRegions(XlsxText(await response.Content.ReadAsByteArrayAsync()), route);
    }

    [Theory]
    [InlineData("/api/export/regions-by-use.csv?asOf=2025-12", "en")]
    [InlineData("/api/export/regions-by-use.csv?asOf=2025-12", "ru")]
    [InlineData("/api/export/quota-timeline.csv?asOf=2025-12", "en")]
    [InlineData("/api/export/workers-by-category.csv?asOf=2025-11", "en")]
    [InlineData("/api/dashboard?asOf=2025-12", "en")]
    [InlineData("/api/dashboard?asOf=2025-11", "ru")]
    [InlineData("/api/dashboard?asOf=2025-12&region=KZ-75", "en")]
    [InlineData("/api/series", "en")]
    [InlineData("/api/series?region=KZ-75", "en")]
    public async Task An_officers_api_answers_and_csv_files_hold_nothing_of_another_region(string route, string language)
    {
        var response = await Officer(language).GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNothingOfOtherRegions(await response.Content.ReadAsStringAsync(), route);
    }

    [Fact]
    public async Task An_officers_national_ranking_holds_their_own_region_only()
    {
        var json = JsonDocument.Parse(await Officer().GetStringAsync("/api/dashboard?asOf=2025-12")).RootElement;

        var ranking = json.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal([Own], ranking);
        Assert.Equal(14_103, json.GetProperty("workers").GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task An_analyst_still_sees_every_region_and_the_astana_reason()
    {
        var client = _app.CreateClientWithToken(Roles.Analyst);

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/dashboard?asOf=2025-12")).RootElement;
        var workbook = XlsxText(await client.GetByteArrayAsync("/api/export/dashboard.xlsx?asOf=2025-12"));

        Assert.Equal(20, json.GetProperty("ranking").GetArrayLength());
        Assert.Contains(AstanaReason, workbook, StringComparison.Ordinal);
    }
}
