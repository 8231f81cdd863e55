using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>Reads an app's <c>/metrics</c> as Prometheus would.</summary>
public static partial class Scrape
{
    /// <summary>The exporter keeps a scrape for a moment: asks again until what the test waits for is in, or 15 s passed.</summary>
    public static async Task<string> UntilAsync(HttpClient client, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await client.GetAsync(LiveMetrics.ScrapePath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (done(text))
            {
                return text;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The scrape never had what was expected:\n{text}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The largest value of the metric's samples whose labels contain <paramref name="label"/>, -1 when there is none: other apps of this test process have meters of the same name, which the
    /// exporter also reads (one app runs per process in production), so this app's sample is one of several.
    /// </summary>
    public static double Value(string text, string metric, string label = "")
    {
        var largest = -1d;
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line);
            if (match.Success && match.Groups["name"].Value == metric && match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            {
                largest = Math.Max(largest, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
            }
        }
        return largest;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex Sample();
}
