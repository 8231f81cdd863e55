using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Tests.Hosting;

/// <summary>nginx on another machine than the instances: named in ForwardedHeaders:KnownProxies, it is believed; nobody else is.</summary>
public sealed class TrustedProxyTests : IAsyncLifetime
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.20.30.40");
    private static readonly IPAddress Stranger = IPAddress.Parse("10.99.0.1");

    private readonly ProductionApp _app = new(httpsPort: 443, host: "quota.example",
        settings: new Dictionary<string, string> { [TrustedProxies.Key] = "192.0.2.7, 10.20.30.0/24" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpContext> FromAsync(IPAddress caller, string url, params (string Name, string Value)[] headers) =>
        _app.Server.SendAsync(c =>
        {
            var uri = new Uri(url);
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = uri.Scheme;
            c.Request.Path = uri.AbsolutePath;
            c.Request.Host = new HostString("quota.example");
            c.Connection.RemoteIpAddress = caller;
            foreach (var (name, value) in headers)
            {
                c.Request.Headers[name] = value;
            }
        });

    [Fact]
    public async Task A_named_proxy_on_another_machine_that_ended_tls_is_believed_and_nothing_is_redirected()
    {
        var viaProxy = await FromAsync(Proxy, "http://quota.example/Account/Login", ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.9"));

        Assert.Equal(StatusCodes.Status200OK, viaProxy.Response.StatusCode);
    }

    [Fact]
    public async Task A_caller_that_is_not_a_named_proxy_cannot_claim_https_nor_loopback()
    {
        var claimsHttps = await FromAsync(Stranger, "http://quota.example/Account/Login", ("X-Forwarded-Proto", "https"));
        var claimsLoopback = await FromAsync(Stranger, "https://quota.example/metrics", ("X-Forwarded-For", "127.0.0.1"));
        var fromLoopback = await FromAsync(IPAddress.Loopback, "https://quota.example/metrics");

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, claimsHttps.Response.StatusCode);
        Assert.Equal("https://quota.example/Account/Login", claimsHttps.Response.Headers.Location.ToString());
        Assert.Equal(StatusCodes.Status302Found, claimsLoopback.Response.StatusCode);
        Assert.Contains("/Account/Login", claimsLoopback.Response.Headers.Location.ToString());
        Assert.Equal(StatusCodes.Status200OK, fromLoopback.Response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5/32")]
    [InlineData("10.0.0.0/24", "10.0.0.0/24")]
    [InlineData("10.0.0.5/24", "10.0.0.0/24")]
    [InlineData(" 10.0.0.5 , fd00::/8", "10.0.0.5/32|fd00::/8")]
    [InlineData("::1", "::1/128")]
    public void Addresses_and_networks_are_read_as_an_operator_writes_them(string written, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(TrustedProxies.Key, written)]).Build();

        Assert.Equal(expected, string.Join("|", TrustedProxies.From(configuration)));
    }

    [Fact]
    public void A_list_in_configuration_is_read_too()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new($"{TrustedProxies.Key}:0", "10.0.0.5"), new($"{TrustedProxies.Key}:1", "10.1.0.0/16")]).Build();

        Assert.Equal("10.0.0.5/32|10.1.0.0/16", string.Join("|", TrustedProxies.From(configuration)));
    }

    [Theory]
    [InlineData("nginx.internal")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.256")]
    public async Task A_start_with_an_unreadable_proxy_stops_and_says_what_it_expected(string written)
    {
        await using var app = new ProductionApp(settings: new Dictionary<string, string> { [TrustedProxies.Key] = written });

        var failure = Record.Exception(() => app.Services);

        Assert.NotNull(failure);
        var message = (failure.InnerException ?? failure).Message;
        Assert.Contains(TrustedProxies.Key, message);
        Assert.Contains($"'{written}'", message);
    }
}
