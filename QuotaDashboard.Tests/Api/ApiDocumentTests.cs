using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Api;

public sealed class ApiDocumentTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> ReadPaths => new()
    {
        { "/api/dashboard", "ApiDashboard" },
        { "/api/use", "ApiUse" },
        { "/api/quota/{year}", "ApiQuotaYear" },
        { "/api/quota/{year}/allocations", "ApiAllocations" },
        { "/api/published", "PublishedReleaseView" },
        { "/api/series", "TimelineSeries" },
    };

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task The_document_describes_every_read_path_with_its_200_schema_and_its_problems(string path, string schema)
    {
        using var client = await factory.SignedInClientAsync(Roles.Analyst);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var get = root.GetProperty("paths").GetProperty(path).GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
        var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal($"#/components/schemas/{schema}", ok.GetProperty("$ref").GetString());
        Assert.True(root.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject().Any());
        foreach (var status in new[] { "400", "403", "404" })
        {
            Assert.True(get.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {status}");
        }
    }

    [Fact]
    public async Task A_name_is_described_in_english_russian_and_kazakh()
    {
        using var client = await factory.SignedInClientAsync(Roles.RegionalOfficer, "KZ-75");
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var name = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Name").GetProperty("properties");
        Assert.Equal(["en", "kk", "ru"], name.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_document_leaves_the_pages_and_the_sign_in_out()
    {
        using var client = await factory.SignedInClientAsync(Roles.Manager);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.All(document.RootElement.GetProperty("paths").EnumerateObject(), p => Assert.StartsWith("/api/", p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reference_page_is_served_to_a_signed_in_user_and_points_at_the_document()
    {
        using var client = await factory.SignedInClientAsync(Roles.Manager);

        using var redirect = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var page = new Uri(redirect.RequestMessage!.RequestUri!, redirect.Headers.Location!).AbsolutePath;
        Assert.Equal("/api/docs/", page);

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/docs")]
    [InlineData("/api/docs/")]
    [InlineData("/api/docs/v1")]
    public async Task An_anonymous_request_for_the_document_or_the_reference_page_is_refused(string url)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{url} gave {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("openapi", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
