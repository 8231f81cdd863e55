using System.Text.Json;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

/// <summary>The quota timeline's revision labels as drawn: their rectangles are read from what the chart's module writes on the canvas.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineLabelBrowserTests(BrowserFixture browser)
{
    private const string Timeline = "quota-timeline";

    private sealed record Box(string Text, double X, double Y, double Width, double Height)
    {
        public bool Intersects(Box other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }

    private sealed record Area(double Left, double Top, double Right, double Bottom)
    {
        public bool Holds(Box box) =>
            box.X >= Left - 0.5 && box.Y >= Top - 0.5 && box.X + box.Width <= Right + 0.5 && box.Y + box.Height <= Bottom + 0.5;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<IPage> OpenAsync(string query, int width, string culture)
    {
        var page = await browser.SignedInPageAsync(Roles.Analyst, width: width, height: 1000);
        if (culture != "en")
        {
            await page.GotoAsync($"/culture/set?culture={culture}&redirectUri=/");
        }
        await page.GotoAsync(query);
        await BrowserFixture.WaitForChartAsync(page, Timeline);
        return page;
    }

    /// <summary>
    /// The labels once the chart has settled: a range change redraws in place and animates, and a read in the middle of it
    /// would see labels on their way. Two reads 300 ms apart, both after the chart says it has rendered, must agree.
    /// </summary>
    private static async Task<(Area Area, IReadOnlyList<Box> Boxes)> LabelsAsync(IPage page, int atLeast = 1)
    {
        var canvas = page.Locator($"canvas[data-chart='{Timeline}']");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string? previous = null;
        while (true)
        {
            await BrowserFixture.WaitForChartAsync(page, Timeline);
            await Assertions.Expect(canvas).ToHaveAttributeAsync("data-label-boxes", new System.Text.RegularExpressions.Regex("^\\["));
            var current = await canvas.GetAttributeAsync("data-chart-area") + "|" + await canvas.GetAttributeAsync("data-label-boxes");
            var boxes = JsonSerializer.Deserialize<List<Box>>(current.Split('|', 2)[1], Json)!;
            if (current == previous && boxes.Count >= atLeast)
            {
                return (JsonSerializer.Deserialize<Area>(current.Split('|', 2)[0], Json)!, boxes);
            }
            Assert.True(DateTime.UtcNow < deadline, $"The timeline's labels did not settle within 15 s: {current}");
            previous = current;
            await page.WaitForTimeoutAsync(300);
        }
    }

    private static void AssertEveryLabelReadsWhole(Area area, IReadOnlyList<Box> boxes)
    {
        foreach (var box in boxes)
        {
            Assert.True(area.Holds(box), $"The label \"{box.Text}\" at {box} is cut by the edge of the chart area {area}. All labels: {string.Join("; ", boxes)}");
        }
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Intersects(boxes[j]), $"The labels \"{boxes[i].Text}\" and \"{boxes[j].Text}\" overlap: {boxes[i]} and {boxes[j]}.");
            }
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var card = page.GetByRole(AriaRole.Region).Filter(new() { Has = page.Locator($"canvas[data-chart='{Timeline}']") });
        await card.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, $"timeline-{name}.png") });
    }

    [SkippableTheory]
    [InlineData(1366, "en", null)]
    [InlineData(1920, "en", null)]
    [InlineData(1366, "en", "KZ-75")]
    [InlineData(1920, "en", "KZ-75")]
    [InlineData(1366, "ru", null)]
    [InlineData(1920, "ru", null)]
    [InlineData(1366, "ru", "KZ-75")]
    [InlineData(1366, "kk", null)]
    [InlineData(1366, "kk", "KZ-75")]
    public async Task Every_revision_label_of_the_selected_year_reads_whole_as_the_timeline_opens(int width, string culture, string? region)
    {
        var page = await OpenAsync("/?asOf=2025-12" + (region is null ? "" : "&region=" + region), width, culture);

        var (area, boxes) = await LabelsAsync(page);

        Assert.True(boxes.Count(b => b.Text.Contains('→')) >= 3, $"The 2025 revisions are not all labelled: {string.Join(" | ", boxes.Select(b => b.Text))}");
        if (region is null && culture == "en")
        {
            Assert.Contains(boxes, b => b.Text == "14,800 → 16,500*");
            Assert.Contains(boxes, b => b.Text == "16,500 → 19,400*");
            Assert.Contains(boxes, b => b.Text == "19,400 → 16,700*");
        }
        AssertEveryLabelReadsWhole(area, boxes);
        await ScreenshotAsync(page, $"{width}-{culture}-{region ?? "national"}");
    }

    [SkippableTheory]
    [InlineData(1366, "en")]
    [InlineData(1920, "en")]
    [InlineData(1366, "ru")]
    public async Task No_two_revision_labels_collide_on_the_whole_record(int width, string culture)
    {
        var page = await OpenAsync("/?asOf=2025-12", width, culture);
        var wholeRecord = page.GetByRole(AriaRole.Button, new() { Name = culture == "en" ? "Whole record" : "Весь период" });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "2025", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        await wholeRecord.ClickAsync();
        await Assertions.Expect(wholeRecord).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserFixture.WaitForChartAsync(page, Timeline);

        var (area, boxes) = await LabelsAsync(page, atLeast: 10);
        Assert.True(boxes.Count >= 10, $"The whole record shows only {boxes.Count} revision labels.");
        AssertEveryLabelReadsWhole(area, boxes);
        await ScreenshotAsync(page, $"whole-record-{width}-{culture}");
    }

    [SkippableFact]
    public async Task Picking_a_month_of_another_year_moves_the_timeline_to_that_year()
    {
        var page = await OpenAsync("/?asOf=2025-12", 1366, "en");

        await page.GetByLabel("Month").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "September 2024" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "2024", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserFixture.WaitForChartAsync(page, Timeline);
        var (area, boxes) = await LabelsAsync(page);
        AssertEveryLabelReadsWhole(area, boxes);
    }
}
