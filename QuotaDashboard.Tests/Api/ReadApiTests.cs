using QuotaDashboard.Features;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Api;

public sealed class ReadApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient _client = factory.CreateClientWithToken(QuotaDashboard.Data.Roles.Analyst);

    [Theory]
    [InlineData("2025-12")]
    [InlineData("2025-12-01")]
    public async Task The_dashboard_of_2025_12_gives_the_published_national_figures(string asOf)
    {
        var view = await GetAsync<DashboardView>($"/api/dashboard?asOf={asOf}");

        DashboardExpectations.AssertNationalDecember2025(view);
        Assert.Equal(20, view.Ranking.Count);
        Assert.Equal((14_103L, 14_103L, 20), (view.Reconciliation.Published, view.Reconciliation.RegionalSum, view.Reconciliation.RegionsReporting));
    }

    [Theory]
    [InlineData("2025-12", null)]
    [InlineData("2025-06", "KZ-75")]
    public async Task The_dashboard_json_is_the_same_in_every_language(string asOf, string? region)
    {
        var url = $"/api/dashboard?asOf={asOf}{(region is null ? "" : "&region=" + region)}";

        var english = await InLanguageAsync(url, "en");
        var russian = await InLanguageAsync(url, "ru");

        Assert.Equal(english, russian);
        Assert.DoesNotContain("Ministry", english, StringComparison.Ordinal);
    }

    private async Task<string> InLanguageAsync(string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_dashboard_json_writes_enums_as_strings()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/dashboard?asOf=2025-12"));

        Assert.Equal("PublishedRelease", json.RootElement.GetProperty("workers").GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(14_103, json.RootElement.GetProperty("workers").GetProperty("value").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("categories").GetProperty("gap").GetInt64());
    }

    [Fact]
    public async Task The_dashboard_of_one_region_gives_that_regions_report_and_allocation()
    {
        var view = await GetAsync<DashboardView>("/api/dashboard?asOf=2025-12&region=KZ-75");
        var total = SeedCsv.IllustrativeTotal("KZ-75", SeedCsv.December2025);

        Assert.Equal("KZ-75", view.Region?.Code);
        Assert.Equal(total, view.Workers.Value);
        Assert.Equal(SourceKind.RegionalReport, view.Workers.Source?.Kind);
        Assert.Equal(Math.Round(100m * total / 1_355, 1), view.UsePct);
        Assert.Equal(1_355, Assert.Single(view.Ranking, r => r.Code == "KZ-75").Allocation);
    }

    [Fact]
    public async Task The_quota_of_2025_gives_its_four_revisions_in_order()
    {
        var quota = await GetAsync<QuotaYear>("/api/quota/2025");

        Assert.Equal(2025, quota.Year);
        Assert.Equal([14_800, 16_500, 19_400, 16_700], quota.Revisions.Select(r => r.Units));
        Assert.Equal([1, 2, 3, 4], quota.Revisions.Select(r => r.Sequence));
        Assert.Equal(new DateOnly(2025, 8, 23), quota.Revisions[2].LegalActInForce);
        Assert.All(quota.Revisions, r => Assert.False(r.EffectiveDayPublished));
    }

    [Fact]
    public async Task The_published_release_of_2025_12_gives_every_figure_of_the_file_with_its_sources()
    {
        var release = await GetAsync<PublishedReleaseView>("/api/published?asOf=2025-12");
        var rows = SeedCsv.Release(SeedCsv.December2025);

        Assert.Equal(SeedCsv.December2025, release.AsOf);
        Assert.Equal("day", release.AsOfPrecision);
        Assert.Equal(new DateOnly(2025, 12, 25), release.PublishedOn);
        Assert.Equal(18, rows.Count);
        Assert.Equal(
            rows.Select(r => (r.Figure, r.Key, r.Value, r.Sources, r.Note.Length == 0 ? null : new Wording(r.Note, r.NoteRu, r.NoteKk))),
            release.Figures.Select(f => (f.Figure, f.Key, f.Value, f.Sources, f.Note)));
        Assert.Equal(rows.SelectMany(r => r.Sources.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal),
            release.Sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_series_gives_the_24_published_totals_and_the_regional_sums_from_2023_08_to_2025_12()
    {
        var series = await GetAsync<TimelineSeries>("/api/series");

        var published = SeedCsv.Releases.Where(r => r.Figure == "total").Select(r => (r.AsOfDate, (long)r.Value)).ToList();
        Assert.Equal(24, series.Published.Count);
        Assert.Equal(published, series.Published.Select(p => (p.Date, p.Value)));
        Assert.Equal(SeedCsv.IllustrativeMonthlySums(), series.RegionalSums.Select(p => (p.Date, p.Value)));
        Assert.Equal(SeedCsv.FirstRegionalMonth, series.RegionalSums[0].Date);
        Assert.Equal(SeedCsv.December2025, series.RegionalSums[^1].Date);
        Assert.True(series.RegionalIllustrative);
        Assert.Equal(11, series.Quota.Count);
    }

    [Theory]
    [InlineData("/api/dashboard")]
    [InlineData("/api/dashboard?asOf=")]
    [InlineData("/api/dashboard?asOf=2025-13")]
    [InlineData("/api/dashboard?asOf=2025-12-15")]
    [InlineData("/api/dashboard?asOf=abc")]
    [InlineData("/api/dashboard?asOf=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/api/published")]
    [InlineData("/api/published?asOf=2025-13")]
    [InlineData("/api/quota/abc")]
    [InlineData("/api/quota/-1")]
    [InlineData("/api/quota/99999")]
    public async Task A_bad_parameter_gives_400_with_problem_details(string url)
    {
        using var response = await _client.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/dashboard?asOf=2025-12&region=KZ-99")]
    [InlineData("/api/quota/2018")]
    [InlineData("/api/published?asOf=2019-01")]
    public async Task Something_that_is_not_recorded_gives_404_with_problem_details(string url)
    {
        using var response = await _client.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/dashboard?asOf=0001-01")]
    [InlineData("/api/dashboard?asOf=9999-12")]
    [InlineData("/api/dashboard?asOf=2025-00")]
    [InlineData("/api/dashboard?asOf=2025-02-30")]
    [InlineData("/api/dashboard?asOf=-2025-12")]
    [InlineData("/api/dashboard?asOf=2025-12-01T00:00:00")]
    [InlineData("/api/dashboard?asOf=%00")]
    [InlineData("/api/dashboard?asOf=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95-%EF%BC%91%EF%BC%92")]
    [InlineData("/api/dashboard?asOf=2025-12&asOf=2025-11")]
    [InlineData("/api/dashboard?asOf=2025-12&region=")]
    [InlineData("/api/dashboard?asOf=2025-12&region=kz-75")]
    [InlineData("/api/dashboard?asOf=2025-12&region=KZ-75&region=KZ-71")]
    [InlineData("/api/dashboard?asOf=2025-12&region=%27%20OR%201%3D1%20--")]
    [InlineData("/api/dashboard?asOf=2025-12&region=%3Cscript%3E")]
    [InlineData("/api/dashboard?asOf=2018-01&region=KZ-75")]
    [InlineData("/api/dashboard?asOf=2026-01")]
    [InlineData("/api/dashboard?asOf=2026-01&region=KZ-75")]
    [InlineData("/api/published?asOf=0001-01")]
    [InlineData("/api/quota/0")]
    [InlineData("/api/quota/2025.5")]
    [InlineData("/api/quota/99999999999999999999")]
    [InlineData("/api/quota/%20")]
    [InlineData("/api/quota/%E2%80%8B2025")]
    [InlineData("/api/series?asOf=abc")]
    public async Task An_odd_input_never_gives_a_server_error(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_very_long_asOf_gives_400_not_a_server_error()
    {
        using var response = await _client.GetAsync("/api/dashboard?asOf=" + new string('9', 5_000));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_health_endpoint_answers_200()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private sealed record QuotaYear(int Year, IReadOnlyList<QuotaStep> Revisions);

    private async Task<T> GetAsync<T>(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }
}
