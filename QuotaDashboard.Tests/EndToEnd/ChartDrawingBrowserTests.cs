using System.Text.Json;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.EndToEnd;

/// <summary>
/// What a chart's canvas shows frame by frame, as a person would see it: a recorder installed before the page loads
/// reads the chart's pixels at every animation frame, with the chart's data-rendered attribute at that moment.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartDrawingBrowserTests(BrowserFixture browser)
{
    private sealed record Frame(int Index, string Picture, string? Rendered);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records a frame whenever the chart's canvas holds a drawing: its size and a hash of its pixels.</summary>
    private static string Recorder(string chart) => $$"""
        (() => {
            const frames = window.recordedFrames = [];
            const picture = canvas => {
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let hash = 2166136261, drawn = false;
                for (let i = 0; i < data.length; i += 4) {
                    drawn ||= data[i + 3] !== 0;
                    hash = Math.imul(hash ^ (data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24), 16777619);
                }
                return drawn ? `${canvas.width}x${canvas.height}:${hash >>> 0}` : null;
            };
            const record = () => {
                const canvas = document.querySelector("canvas[data-chart='{{chart}}']");
                const seen = canvas && picture(canvas);
                if (seen) {
                    frames.push({ index: frames.length, picture: seen, rendered: canvas.dataset.rendered ?? null });
                }
                requestAnimationFrame(record);
            };
            requestAnimationFrame(record);
        })();
        """;

    private async Task<IPage> OpenRecordingAsync(string url, string chart)
    {
        var page = await browser.SignedInPageAsync(Roles.Analyst, width: 1366, height: 900);
        await page.Context.AddInitScriptAsync(Recorder(chart));
        await page.GotoAsync(url);
        await BrowserFixture.WaitForChartAsync(page, chart);
        return page;
    }

    private static async Task<IReadOnlyList<Frame>> FramesAsync(IPage page) =>
        JsonSerializer.Deserialize<List<Frame>>(await page.EvaluateAsync<string>("() => JSON.stringify(window.recordedFrames)"), Json)!;

    /// <summary>Waits until the recorder has seen <paramref name="more"/> frames after the <paramref name="after"/>th.</summary>
    private static Task WaitForFramesAsync(IPage page, int after, int more = 10) =>
        page.WaitForFunctionAsync("n => window.recordedFrames.length >= n", after + more);

    private static string Size(string picture) => picture[..picture.IndexOf(':')];

    [SkippableFact]
    public async Task The_first_picture_of_a_chart_is_its_final_one_and_says_so()
    {
        var page = await OpenRecordingAsync("/", "workers-by-category");
        await WaitForFramesAsync(page, after: 0);

        var frames = await FramesAsync(page);

        var first = frames[0];
        var final = frames[^1];
        Assert.Equal("true", first.Rendered);
        Assert.All(frames.Where(f => Size(f.Picture) == Size(final.Picture)), f => Assert.Equal(final.Picture, f.Picture));
    }

    [SkippableFact]
    public async Task A_change_of_range_redraws_the_timeline_in_steps_and_says_rendered_only_on_its_final_picture()
    {
        const string timeline = "quota-timeline";
        var page = await OpenRecordingAsync("/?asOf=2025-12", timeline);
        await WaitForFramesAsync(page, after: 0);
        var before = (await FramesAsync(page))[^1];
        Assert.Equal("true", before.Rendered);

        var wholeRecord = page.GetByRole(AriaRole.Button, new() { Name = "Whole record" });
        await wholeRecord.ClickAsync();
        await Assertions.Expect(wholeRecord).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForFunctionAsync(
            "before => { const last = window.recordedFrames[window.recordedFrames.length - 1]; return last.picture !== before && last.rendered === 'true'; }",
            before.Picture);
        var settled = (await FramesAsync(page)).Count;
        await WaitForFramesAsync(page, after: settled);

        var after = (await FramesAsync(page)).Skip(before.Index + 1).ToList();
        var final = after[^1];
        Assert.NotEqual(before.Picture, final.Picture);
        // Shown while the redraw was under way: the change animates rather than jumping to its end in one go.
        Assert.Contains(after, f => f.Rendered == "false");
        var saidRendered = after.SkipWhile(f => f.Rendered != "false").First(f => f.Rendered == "true");
        Assert.Equal(final.Picture, saidRendered.Picture);
    }
}
