using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Api;

/// <summary>The read API answers the same bytes whatever language the caller's browser or cookie asks for.</summary>
public sealed partial class ApiLanguageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static readonly string[] ReadUrls =
    [
        "/api/dashboard?asOf=2025-12",
        "/api/dashboard?asOf=2025-06&region=KZ-75",
        "/api/use?asOf=2025-12",
        "/api/quota/2025",
        "/api/quota/2025/allocations?asOf=2025-12",
        "/api/published?asOf=2025-12",
        "/api/series",
        "/api/series?region=KZ-75",
    ];

    private static readonly string[] ProblemUrls =
    [
        "/api/dashboard?asOf=2025-13",
        "/api/dashboard",
        "/api/dashboard?asOf=2025-12&region=KZ-99",
        "/api/quota/abc",
        "/api/quota/2018",
        "/api/quota/2025/allocations?asOf=2024-12",
        "/api/published?asOf=2019-01",
    ];

    private static readonly string[] Languages = ["en", "ru", "kk"];

    [Fact]
    public async Task Every_read_endpoint_answers_the_same_bytes_in_every_language_by_header_and_by_cookie()
    {
        using var client = await factory.SignedInClientAsync(Roles.Analyst);
        foreach (var url in ReadUrls.Concat(ProblemUrls))
        {
            var bodies = new List<(string How, string Body)>();
            foreach (var language in Languages)
            {
                bodies.Add(($"Accept-Language: {language}", await GetWithStatusAsync(client, url, acceptLanguage: language)));
            }
            foreach (var language in Languages)
            {
                using var set = await client.GetAsync($"/culture/set?culture={language}&redirectUri=/");
                Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
                // The cookie wins over the header, so a header of another language must change nothing.
                bodies.Add(($"culture cookie {language}", await GetWithStatusAsync(client, url, acceptLanguage: language == "en" ? "ru" : "en")));
            }
            using (await client.GetAsync("/culture/set?culture=en&redirectUri=/"))
            {
            }
            foreach (var (how, body) in bodies.Skip(1))
            {
                Assert.True(body == bodies[0].Body, $"{url} with {how} differs from {bodies[0].How}:\n{body}\n---\n{bodies[0].Body}");
            }
        }
    }

    [Fact]
    public async Task The_read_urls_of_this_test_answer_200()
    {
        using var client = await factory.SignedInClientAsync(Roles.Analyst);
        foreach (var url in ReadUrls)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_problem_carries_a_code_and_the_field_it_is_about()
    {
        using var client = await factory.SignedInClientAsync(Roles.Analyst);

        using var problem = JsonDocument.Parse(await GetAsync(client, "/api/dashboard?asOf=2025-13", "kk"));

        Assert.Equal("asOf", problem.RootElement.GetProperty("field").GetString());
        Assert.Equal("month.invalid", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("2025-13", problem.RootElement.GetProperty("args")[0].GetString());
    }

    [Fact]
    public async Task Regions_categories_sectors_and_countries_are_named_in_english_russian_and_kazakh()
    {
        using var client = await factory.SignedInClientAsync(Roles.Analyst);
        using var json = JsonDocument.Parse(await GetAsync(client, "/api/dashboard?asOf=2025-12&region=KZ-75", "en"));
        var root = json.RootElement;

        AssertNames(root.GetProperty("region").GetProperty("name"), "Almaty", "город Алматы", "Алматы қаласы");
        var ranking = root.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(20, ranking.Count);
        Assert.All(ranking, r => AssertThreeNames(r.GetProperty("name")));
        foreach (var breakdown in new[] { "categories", "sectors", "countries" })
        {
            var items = root.GetProperty(breakdown).GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            Assert.All(items, i => AssertThreeNames(i.GetProperty("name")));
        }
        using var national = JsonDocument.Parse(await GetAsync(client, "/api/dashboard?asOf=2025-12", "en"));
        var countries = national.RootElement.GetProperty("countries").GetProperty("items").EnumerateArray().ToList();
        var uzbekistan = countries.Single(c => c.GetProperty("key").GetString() == "UZ").GetProperty("name");
        AssertNames(uzbekistan, "Uzbekistan", "Узбекистан", "Өзбекстан");
        var other = countries.Single(c => c.GetProperty("key").GetString() == "other").GetProperty("name");
        AssertNames(other, "Other countries", "Другие страны", "Басқа елдер");

        using var allocations = JsonDocument.Parse(await GetAsync(client, "/api/quota/2025/allocations?asOf=2025-12", "en"));
        Assert.All(allocations.RootElement.GetProperty("regions").EnumerateArray(), r => AssertThreeNames(r.GetProperty("name")));
        using var use = JsonDocument.Parse(await GetAsync(client, "/api/use?asOf=2025-12", "en"));
        Assert.All(use.RootElement.GetProperty("regions").EnumerateArray(), r => AssertThreeNames(r.GetProperty("name")));
    }

    private static void AssertNames(JsonElement name, string en, string ru, string kk) =>
        Assert.Equal((en, ru, kk), (name.GetProperty("en").GetString(), name.GetProperty("ru").GetString(), name.GetProperty("kk").GetString()));

    private static void AssertThreeNames(JsonElement name)
    {
        var en = name.GetProperty("en").GetString();
        var ru = name.GetProperty("ru").GetString();
        var kk = name.GetProperty("kk").GetString();
        Assert.False(string.IsNullOrWhiteSpace(en) || string.IsNullOrWhiteSpace(ru) || string.IsNullOrWhiteSpace(kk), name.ToString());
        Assert.NotEqual(en, ru);
    }

    private static async Task<string> GetWithStatusAsync(HttpClient client, string url, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request);
        // A problem's trace id names the request, not the language.
        var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), "");
        return $"{(int)response.StatusCode}\n{body}";
    }

    private static async Task<string> GetAsync(HttpClient client, string url, string acceptLanguage) =>
        (await GetWithStatusAsync(client, url, acceptLanguage)).Split('\n', 2)[1];

    [GeneratedRegex(",\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
