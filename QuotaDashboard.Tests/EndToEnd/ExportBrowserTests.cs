using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace QuotaDashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ExportBrowserTests(BrowserFixture browser)
{
    private async Task<IPage> ManagerOnAsync(string url)
    {
        var page = await browser.SignedInPageAsync(Roles.Manager);
        await page.GotoAsync(url);
        await BrowserFixture.WaitForChartAsync(page);
        return page;
    }

    [SkippableFact]
    public async Task A_chart_exports_as_a_slide_sized_png_that_is_not_blank()
    {
        var page = await ManagerOnAsync("/?asOf=2025-12");

        await page.GetByRole(AriaRole.Button, new() { Name = "Export: Workers by sector (OKED)" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Menuitem, new() { Name = "Image (PNG)" }).ClickAsync());

        Assert.Equal("workers-by-sector_2025-12-01.png", download.SuggestedFilename);
        var path = Path.Combine(RepositoryPaths.TestOutput, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.True(width >= 1600, $"The image is {width} px wide.");
        Assert.True(height >= 900, $"The image is {height} px high.");

        // The browser decodes the file and counts what is neither white nor transparent.
        var inked = await page.EvaluateAsync<int>(@"async dataUrl => {
            const image = new Image();
            image.src = dataUrl;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width; canvas.height = image.height;
            const ctx = canvas.getContext('2d');
            ctx.drawImage(image, 0, 0);
            const data = ctx.getImageData(0, 0, image.width, image.height).data;
            let inked = 0;
            for (let i = 0; i < data.length; i += 4) {
                if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
            }
            return inked;
        }", "data:image/png;base64," + Convert.ToBase64String(bytes));
        Assert.True(inked > 20_000, $"Only {inked} pixels carry ink.");
        var corner = await page.EvaluateAsync<int[]>(@"async dataUrl => {
            const image = new Image(); image.src = dataUrl; await image.decode();
            const canvas = document.createElement('canvas'); canvas.width = image.width; canvas.height = image.height;
            const ctx = canvas.getContext('2d'); ctx.drawImage(image, 0, 0);
            return Array.from(ctx.getImageData(5, 5, 1, 1).data);
        }", "data:image/png;base64," + Convert.ToBase64String(bytes));
        Assert.Equal([255, 255, 255, 255], corner);
        await using var db = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<QuotaDbContext>>(browser.App.Services).CreateDbContextAsync();
        Assert.Contains(db.Audit, a => a.Action == "export" && a.Subject == "workers-by-sector_2025-12-01.png" && a.User == BrowserFixture.Demo(Roles.Manager).Email);
    }

    [SkippableFact]
    public async Task The_briefing_prints_to_a_pdf_with_the_headline_figures_and_every_chart_drawn()
    {
        var page = await ManagerOnAsync("/briefing?asOf=2025-12-01");
        foreach (var chart in new[] { "workers-by-sector", "workers-by-country", "regions-by-use", "quota-timeline" })
        {
            await Assertions.Expect(page.Locator($"canvas[data-chart='{chart}']")).ToHaveAttributeAsync("data-rendered", "true");
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print / Save as PDF" })).ToBeVisibleAsync();

        var pdf = await page.PdfAsync(new() { Format = "A4", Landscape = true, PrintBackground = true, Path = Path.Combine(RepositoryPaths.TestOutput, "briefing.pdf") });

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("14,103", text);
        Assert.Contains("16,700", text);
        Assert.Contains("84.4 %", text);
        Assert.Contains("1,817", text);
        Assert.Contains("Briefing: Kazakhstan, December 2025", text);
        Assert.DoesNotContain("Print / Save as PDF", text);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "briefing.png"), FullPage = true });
    }
}
