using System.Diagnostics;
using Microsoft.Playwright;

namespace QuotaDashboard.Benchmarks;

/// <summary>
/// Time from a cold page load in Chromium until the first chart has drawn. Never downloads a browser. The page is checked
/// at every animation frame, when the browser can show what was drawn: Playwright's WaitForSelector polls at growing
/// intervals, every 500 ms after the first few, and would count up to half a second after the chart is on screen.
/// </summary>
public static class FirstChart
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Selector = "canvas[data-chart='workers-by-category'][data-rendered='true']";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public static async Task<List<double>> MeasureAsync(Uri baseAddress, string email, string password, int loads, TimeSpan timeout)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        string signedIn;
        await using (var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() }))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("Account/Login");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForSelectorAsync(Selector, new() { Timeout = (float)timeout.TotalMilliseconds });
            signedIn = await context.StorageStateAsync();
        }

        var times = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            // A new context each time: no cache, no open circuit, only the sign-in cookie.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), StorageState = signedIn });
            var page = await context.NewPageAsync();
            var watch = Stopwatch.StartNew();
            await page.GotoAsync("", new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync("selector => document.querySelector(selector) !== null", Selector, new() { Timeout = (float)timeout.TotalMilliseconds });
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }
}
