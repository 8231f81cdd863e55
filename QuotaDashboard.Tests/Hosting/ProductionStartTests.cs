using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Hosting;

public sealed class ProductionStartTests : IAsyncLifetime
{
    // Its HTTPS port known, as behind a proxy that also listens on 443.
    private readonly ProductionApp _app = new(demoAccounts: true, httpsPort: 443, host: "quota.example");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client(string baseAddress) =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    [Fact]
    public async Task Plain_http_is_sent_to_https_and_https_answers_with_strict_transport_security()
    {
        var plain = await Client("http://quota.example").GetAsync("/Account/Login");
        var secure = await Client("https://quota.example").GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://quota.example/Account/Login", plain.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(";", secure.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task A_proxy_that_ends_tls_in_front_is_believed_and_nothing_is_redirected()
    {
        var client = Client("http://localhost");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_cookie_of_a_production_start_is_secure()
    {
        var client = Client("https://quota.example");
        var cookies = new List<string>();
        cookies.AddRange((await client.GetAsync("/Account/Login")).Headers.GetValues("Set-Cookie"));
        cookies.AddRange((await client.GetAsync("/culture/set?culture=kk&redirectUri=/")).Headers.GetValues("Set-Cookie"));
        var admin = BrowserFixture.Demo(Roles.Administrator);
        var (status, _) = await SignedInClients.TrySignInAsync(_app, admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, status);

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Liveness_and_readiness_answer_without_signing_in(string path)
    {
        var response = await Client("https://quota.example").GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
