using Microsoft.Playwright;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright against the app on a real port. Never downloads a browser.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser? Browser { get; private set; }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (IsCi)
            {
                throw new InvalidOperationException($"Browser tests must run under CI, but {ChromiumPath} is missing: apt-get install -y chromium");
            }
            return;
        }
        BaseAddress = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>Skips the test where no Chromium is installed, outside CI only.</summary>
    public IBrowser RequireBrowser()
    {
        Skip.If(Browser is null, $"Chromium is not installed at {ChromiumPath}; install it with: sudo apt-get install -y chromium");
        return Browser!;
    }

    public async Task<IPage> NewPageAsync(string? locale = null, int width = 1600, int height = 1000)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale ?? "en-US",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page as a person would, and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Waits until a chart has drawn; charts draw only once the circuit is live, so clicks work from then on.</summary>
    public static Task WaitForChartAsync(IPage page, string chart = "workers-by-category") =>
        Assertions.Expect(page.Locator($"canvas[data-chart='{chart}']")).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 15_000 });

    public static QuotaDashboard.Data.Seeding.AccountSeeder.DemoAccount Demo(string role, string? region = null) =>
        QuotaDashboard.Data.Seeding.AccountSeeder.DemoAccounts.First(a => a.Role == role && (region is null || a.RegionCode == region));

    /// <summary>A fresh browser context signed in with the demonstration account of the role.</summary>
    public async Task<IPage> SignedInPageAsync(string role, string? region = null, int width = 1600, int height = 1000)
    {
        var page = await NewPageAsync(width: width, height: height);
        var account = Demo(role, region);
        await StoredLanguages.ForgetAsync(App.Services, account.Email);
        await SignInAsync(page, account.Email, account.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
