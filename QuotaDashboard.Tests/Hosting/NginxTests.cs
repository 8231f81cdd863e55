using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Hosting;

/// <summary>
/// The sample site in deploy/nginx, as shipped but for its ports, upstream addresses and certificate, in front of two
/// production instances on one PostgreSQL database.
/// </summary>
// Chooses its own stores: the run on PostgreSQL (QUOTA_TEST_STORE) does not repeat it.
[Trait("Store", "Own")]
public sealed partial class NginxTests(NginxTests.InFront site) : IClassFixture<NginxTests.InFront>
{
    private const string RouteCookie = "qd_route";

    /// <summary>Two production instances, nginx in front of them and Chromium, shared by the tests here, which only read.</summary>
    public sealed class InFront : IAsyncLifetime
    {
        private TwoInstances? _instances;
        private Nginx? _nginx;
        private IPlaywright? _playwright;
        private IBrowser? _browser;
        private string? _missing;

        public Nginx Proxy => Require()._nginx!;

        public IBrowser Browser => Require()._browser!;

        public async Task InitializeAsync()
        {
            _missing = Nginx.Missing() ?? TwoInstances.MissingChromium();
            if (_missing is not null || TestStore.Server is null && !BrowserFixture.IsCi)
            {
                return;
            }
            try
            {
                _instances = TwoInstances.Start("Production");
                _nginx = Nginx.Start(_instances.A.Address, _instances.B.Address);
                (_playwright, _browser) = await TwoInstances.LaunchChromiumAsync();
            }
            catch
            {
                await DisposeAsync();
                throw;
            }
        }

        private InFront Require()
        {
            Skip.If(_missing is not null, _missing);
            TestStore.RequireServer();
            return this;
        }

        public async Task DisposeAsync()
        {
            try
            {
                if (_browser is not null)
                {
                    await _browser.CloseAsync();
                }
                _playwright?.Dispose();
            }
            finally
            {
                try
                {
                    _nginx?.Dispose();
                }
                finally
                {
                    if (_instances is not null)
                    {
                        await _instances.DisposeAsync();
                    }
                }
            }
        }
    }

    private Task<IBrowserContext> NewContextAsync() => site.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = site.Proxy.Https.ToString(),
        IgnoreHTTPSErrors = true,
        Locale = "en-US",
    });

    private static async Task<string> RouteOfAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).Single(c => c.Name == RouteCookie).Value;

    /// <summary>The instances that answered the page's requests, the circuit's negotiation among them, recorded from now on.</summary>
    private static List<string> AnswerersOf(IPage page)
    {
        var answered = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Headers.TryGetValue(TwoInstances.InstanceHeader.ToLowerInvariant(), out var name))
            {
                lock (answered)
                {
                    answered.Add(name);
                }
            }
        };
        return answered;
    }

    [SkippableFact]
    public async Task A_person_signs_in_through_nginx_and_the_dashboard_goes_live_on_one_instance()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var answered = AnswerersOf(page);
        var negotiated = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal))
            {
                negotiated.Add(request.Url);
            }
        };
        var sockets = new List<IWebSocket>();
        page.WebSocket += (_, socket) => sockets.Add(socket);
        var manager = BrowserFixture.Demo(Roles.Manager);

        await BrowserFixture.SignInAsync(page, manager.Email, manager.Password);
        await page.GotoAsync("/?asOf=2025-06");
        await BrowserFixture.WaitForChartAsync(page);
        await page.GotoAsync("/quota");
        await page.GotoAsync("/?asOf=2025-05");
        await BrowserFixture.WaitForChartAsync(page);

        Assert.NotEmpty(negotiated);
        Assert.Contains(sockets, s => s.Url.StartsWith($"wss://localhost:{site.Proxy.Https.Port}/_blazor", StringComparison.Ordinal) && !s.IsClosed);
        Assert.True(answered.Count > 10, $"Only {answered.Count} responses named their instance.");
        Assert.Single(answered.Distinct());
    }

    [SkippableFact]
    public async Task Browsers_spread_over_both_instances_and_each_keeps_its_own()
    {
        var seen = new Dictionary<string, string>();
        for (var i = 0; i < 24 && seen.Values.Distinct().Count() < 2; i++)
        {
            var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            var answered = AnswerersOf(page);
            await page.GotoAsync("/health/live");
            await page.GotoAsync("/Account/Login");
            await page.GotoAsync("/health/ready");
            Assert.Single(answered.Distinct());
            seen[await RouteOfAsync(context)] = answered[0];
            await context.CloseAsync();
        }

        Assert.Equal(["A", "B"], seen.Values.Distinct().Order());
    }

    [SkippableFact]
    public async Task A_sign_in_made_through_one_instance_is_accepted_by_the_other()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var analyst = BrowserFixture.Demo(Roles.Analyst);
        await BrowserFixture.SignInAsync(page, analyst.Email, analyst.Password);
        var home = await page.GotoAsync("/");
        var signedInOn = await home!.HeaderValueAsync(TwoInstances.InstanceHeader);
        var otherRoute = await RouteToOtherThanAsync(signedInOn!);

        var moved = await NewContextAsync();
        await moved.AddCookiesAsync((await context.CookiesAsync())
            .Select(c => new Microsoft.Playwright.Cookie
            {
                Name = c.Name,
                Value = c.Name == RouteCookie ? otherRoute : c.Value,
                Domain = c.Domain,
                Path = c.Path,
                Secure = c.Secure,
                HttpOnly = c.HttpOnly,
                SameSite = c.SameSite,
            }));
        var other = await moved.NewPageAsync();
        var answer = await other.GotoAsync("/?asOf=2025-06");

        Assert.NotEqual(signedInOn, await answer!.HeaderValueAsync(TwoInstances.InstanceHeader));
        Assert.DoesNotContain("/Account/Login", other.Url, StringComparison.OrdinalIgnoreCase);
        await BrowserFixture.WaitForChartAsync(other);
        await Assertions.Expect(other.GetByTestId("headline-workers")).Not.ToHaveTextAsync("not published");
    }

    /// <summary>A route cookie value that nginx sends to the other instance, learned the way a fresh browser gets one.</summary>
    private async Task<string> RouteToOtherThanAsync(string instance)
    {
        for (var i = 0; i < 24; i++)
        {
            var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            var answer = await page.GotoAsync("/health/live");
            var (route, answerer) = (await RouteOfAsync(context), await answer!.HeaderValueAsync(TwoInstances.InstanceHeader));
            await context.CloseAsync();
            if (answerer != instance)
            {
                return route;
            }
        }
        throw new InvalidOperationException($"24 fresh browsers all reached instance {instance}.");
    }

    [SkippableFact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri($"http://localhost:{site.Proxy.Http.Port}/Account/Login?ReturnUrl=%2F"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://localhost/Account/Login?ReturnUrl=%2F", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains(TwoInstances.InstanceHeader), "The plain port passed the request on instead of redirecting it.");
    }

    /// <summary>nginx as its own process, with a main configuration and every file it writes in a temporary folder.</summary>
    public sealed partial class Nginx : IDisposable
    {
        private const string Binary = "/usr/sbin/nginx";

        private readonly string _folder;
        private readonly Process _process;

        private Nginx(string folder, Process process, Uri https, Uri http) => (_folder, _process, Https, Http) = (folder, process, https, http);

        public Uri Https { get; }

        public Uri Http { get; }

        /// <summary>Why nginx tests cannot run here, outside CI; under CI a missing nginx fails them.</summary>
        public static string? Missing() =>
            File.Exists(Binary) ? null
            : BrowserFixture.IsCi ? throw new InvalidOperationException($"nginx tests must run under CI, but {Binary} is missing: apt-get install -y nginx")
            : $"nginx is not installed at {Binary}; install it with: sudo apt-get install -y nginx";

        public static Nginx Start(Uri a, Uri b)
        {
            var folder = Directory.CreateTempSubdirectory("quota-nginx-").FullName;
            var (httpsPort, httpPort) = (LoopbackPort.Free(), LoopbackPort.Free());
            var (certificate, key) = WriteCertificate(folder);
            var site = Render(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "quota-dashboard.conf")),
                a, b, httpsPort, httpPort, certificate, key);
            File.WriteAllText(Path.Combine(folder, "quota-dashboard.conf"), site);
            var main = Path.Combine(folder, "nginx.conf");
            File.WriteAllText(main, $$"""
                {{(Environment.IsPrivilegedProcess ? "user root;" : "")}}
                daemon off;
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log;
                events {}
                http {
                    access_log {{folder}}/access.log;
                    client_body_temp_path {{folder}}/client_body;
                    proxy_temp_path {{folder}}/proxy;
                    fastcgi_temp_path {{folder}}/fastcgi;
                    uwsgi_temp_path {{folder}}/uwsgi;
                    scgi_temp_path {{folder}}/scgi;
                    include {{folder}}/quota-dashboard.conf;
                }
                """);
            var process = Process.Start(new ProcessStartInfo(Binary, ["-p", folder, "-c", main, "-e", Path.Combine(folder, "error.log")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var nginx = new Nginx(folder, process, new Uri($"https://localhost:{httpsPort}/"), new Uri($"http://localhost:{httpPort}/"));
            try
            {
                nginx.WaitUntilListening(httpsPort);
                return nginx;
            }
            catch
            {
                nginx.Dispose();
                throw;
            }
        }

        /// <summary>The shipped site with only what a machine changes: addresses, ports and the certificate.</summary>
        public static string Render(string sample, Uri a, Uri b, int httpsPort, int httpPort, string certificate, string key)
        {
            Assert.Contains("127.0.0.1:5001", sample);
            Assert.Contains("127.0.0.1:5002", sample);
            Assert.Contains("listen 443 ssl;", sample);
            Assert.Contains("listen 80;", sample);
            var site = sample
                .Replace("127.0.0.1:5001", $"127.0.0.1:{a.Port}")
                .Replace("127.0.0.1:5002", $"127.0.0.1:{b.Port}")
                .Replace("listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;")
                .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};")
                .Replace("/etc/nginx/tls/quota-dashboard.crt", certificate)
                .Replace("/etc/nginx/tls/quota-dashboard.key", key);
            return IPv6Listen().Replace(site, "");
        }

        [GeneratedRegex(@"^\s*listen \[::\]:\d+.*$", RegexOptions.Multiline)]
        private static partial Regex IPv6Listen();

        private static (string Certificate, string Key) WriteCertificate(string folder)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            var (certificateFile, keyFile) = (Path.Combine(folder, "localhost.crt"), Path.Combine(folder, "localhost.key"));
            File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
            File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
            return (certificateFile, keyFile);
        }

        private void WaitUntilListening(int port)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"nginx stopped at start ({_process.ExitCode}): {_process.StandardError.ReadToEnd()} {ErrorLog()}");
                }
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100);
                }
            }
        }

        private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    // TERM asks the master to stop its workers too (Process.Kill would leave them behind); killing the tree is the fallback.
                    using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                    {
                        term.WaitForExit(5_000);
                    }
                    if (!_process.WaitForExit(10_000))
                    {
                        _process.Kill(entireProcessTree: true);
                        _process.WaitForExit(10_000);
                    }
                }
            }
            finally
            {
                _process.Dispose();
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
