using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Charts;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>Turns the dashboard's numbers into what each chart draws.</summary>
public static class DashboardCharts
{
    // Okabe and Ito's palette, which readers with any common colour-vision deficiency can tell apart; the timeline's series
    // differ by marker and dash as well, and every state has a glyph and words.
    public const string Blue = "#0072b2";
    public const string Teal = "#009e73";
    public const string Grey = "#9aa5b1";
    public const string Red = "#d55e00";
    public const string Amber = "#e69f00";

    private static string Locale => CultureInfo.CurrentCulture.Name is { Length: > 0 } name ? name : "en";

    // A cached view is one instance for everyone who watches it, so its charts are built once per view and language and shared.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, ChartSpec>> Built = new();

    /// <summary>
    /// The spec <paramref name="build"/> makes of <paramref name="data"/> (a cached, immutable part of a view) in the current
    /// language, built once and shared by every page that shows it; <paramref name="variant"/> names whatever else it depends on.
    /// </summary>
    public static ChartSpec Shared(object data, string variant, Func<ChartSpec> build) =>
        Built.GetValue(data, static _ => new ConcurrentDictionary<string, ChartSpec>())
            .GetOrAdd($"{variant}|{CultureInfo.CurrentCulture.Name}|{CultureInfo.CurrentUICulture.Name}", static (_, build) => build(), build);

    /// <summary>
    /// <paramref name="shown"/> when <paramref name="next"/> draws the same thing, so that the chart, which redraws only for a new
    /// instance, is not sent its data again; otherwise <paramref name="next"/>.
    /// </summary>
    public static ChartSpec Keep(ChartSpec? shown, ChartSpec next) => shown is not null && SameDrawing(shown, next) ? shown : next;

    /// <summary>Whether two specs draw the same chart: every field, every list item by value.</summary>
    public static bool SameDrawing(ChartSpec a, ChartSpec b) =>
        ReferenceEquals(a, b)
        || a.Kind == b.Kind && a.Locale == b.Locale && a.ValueSuffix == b.ValueSuffix && a.XMin == b.XMin && a.XMax == b.XMax && a.Animate == b.Animate
           && a.Labels.SequenceEqual(b.Labels) && a.Marks.SequenceEqual(b.Marks) 
           && a.Tiles.Count == b.Tiles.Count && a.Tiles.Zip(b.Tiles).All(t => t.First with { Lines = [] } == t.Second with { Lines = [] } && t.First.Lines.SequenceEqual(t.Second.Lines))
           && a.Series.Count == b.Series.Count && a.Series.Zip(b.Series).All(s => SameSeries(s.First, s.Second));

    private static bool SameSeries(ChartSeries a, ChartSeries b) =>
        a.Label == b.Label && a.Style == b.Style && a.Values.SequenceEqual(b.Values) && a.Points.SequenceEqual(b.Points)
        && a.Colors.SequenceEqual(b.Colors) && a.Outlined.SequenceEqual(b.Outlined) && a.Notes.SequenceEqual(b.Notes);

    public static ChartSpec Breakdown(BreakdownView breakdown, ReferenceBook names, IStringLocalizer text, string label, ChartKind kind, string color) => new()
    {
        Kind = kind,
        Locale = Locale,
        Labels = breakdown.Items.Select(i => names.Item(breakdown.Dimension, i.Key, text)).ToList(),
        Series =
        [
            new ChartSeries
            {
                Label = label,
                Values = breakdown.Items.Select(i => (double?)i.Count).ToList(),
                Colors = breakdown.Items.Select(i => i.IsRemainder ? Grey : color).ToList(),
            },
        ],
    };

    /// <summary>Regions by use of their allocation; a region without an allocation shows no bar.</summary>
    public static ChartSpec Ranking(IReadOnlyList<RegionUse> ranking, string? selectedRegion, ReferenceBook names, IStringLocalizer text, UseThresholds? thresholds = null)
    {
        thresholds ??= UseThresholds.Default;
        return new()
        {
            Kind = ChartKind.HorizontalBar,
            Locale = Locale,
            ValueSuffix = " %",
            Labels = ranking.Select(r => names.Region(r.Code)).ToList(),
            Series =
            [
                new ChartSeries
                {
                    Label = text["Use of the allocation"],
                    Values = ranking.Select(r => r.UsePct is { } u ? (double?)(double)u : null).ToList(),
                    Colors = ranking.Select(r => UseText.Color(thresholds.StateOf(r.UsePct))).ToList(),
                    Outlined = selectedRegion is null ? [] : ranking.Select(r => r.Code == selectedRegion).ToList(),
                    Notes = ranking.Select(r => r.Allocation is { } a
                        ? $"{UseText.Glyph(thresholds.StateOf(r.UsePct))} {UseText.Words(thresholds.StateOf(r.UsePct), thresholds, text)}; {string.Format(CultureInfo.CurrentCulture, text["{0:N0} workers of {1:N0} allocated"], r.Workers ?? 0, a)}"
                        : (string?)text["No allocation"]).ToList(),
                },
            ],
        };
    }

    /// <summary>The whole record on one time axis: published totals, the regional sums, and the quota as steps.</summary>
    public static ChartSpec Timeline(TimelineSeries series, int? year, IStringLocalizer text, QuotaForecast? forecast = null)
    {
        var steps = new List<ChartPoint>();
        var marks = new List<ChartMark>();
        QuotaStep? previous = null;
        var regional = series.RegionCode is not null;
        // A region's line starts with its first allocation; the years before it have none to draw.
        var quota = regional ? series.Quota.SkipWhile(q => q.Units is null).ToList() : series.Quota;
        foreach (var step in quota)
        {
            // The line holds the previous units up to the day the revision counts from, then jumps.
            if (previous is not null)
            {
                steps.Add(new ChartPoint(Iso(step.EffectiveFrom), previous.Units));
            }
            steps.Add(new ChartPoint(Iso(step.EffectiveFrom), step.Units));
            var from = previous?.Units is { } p ? p.ToString("N0", CultureInfo.CurrentCulture) + " → " : "";
            var to = step.Units is { } u ? u.ToString("N0", CultureInfo.CurrentCulture) : regional ? text["No allocation"] : text["Units not published"];
            marks.Add(new ChartMark(Iso(step.EffectiveFrom), $"{from}{to}{(step.EffectiveDayPublished ? "" : "*")}"));
            previous = step;
        }
        if (previous?.Units is not null)
        {
            steps.Add(new ChartPoint(Iso(new DateOnly(previous.Year, 12, 31)), previous.Units));
        }

        return new ChartSpec
        {
            Kind = ChartKind.Timeline,
            Locale = Locale,
            XMin = year is { } y ? $"{y}-01-01" : null,
            XMax = year is { } z ? $"{z}-12-31" : null,
            Marks = marks,
            Series =
            [
                .. series.Published.Count == 0 ? [] : new[] { new ChartSeries
                {
                    Label = text["Published national total"],
                    Style = "points",
                    Colors = [Red],
                    Points = series.Published.Select(p => new ChartPoint(Iso(p.Date), p.Value)).ToList(),
                    Notes = series.Published.Select(p => p.Sources).ToList(),
                } },
                new ChartSeries
                {
                    Label = series.RegionCode is not null
                        ? (series.RegionalIllustrative ? text["Regional reports (illustrative)"] : text["Regional reports"])
                        : series.RegionalIllustrative ? text["Sum of regional reports (illustrative)"] : text["Sum of regional reports"],
                    Style = "line",
                    Colors = [Teal],
                    Points = series.RegionalSums.Select(p => new ChartPoint(Iso(p.Date), p.Value)).ToList(),
                    Notes = series.RegionalSums.Select(p => p.RegionsReporting is { } n
                        ? string.Format(CultureInfo.CurrentCulture, text["{0} regions reporting"], n)
                        : null).ToList(),
                },
                new ChartSeries
                {
                    Label = series.RegionCode is null ? text["Quota in force"] : text["Allocation in force"],
                    Style = "step",
                    Colors = [Blue],
                    Points = steps,
                },
                .. Trend(forecast, text),
            ],
        };
    }

    /// <summary>The fitted line through the months it was fitted to, continued dashed to December: a trend, labelled as one.</summary>
    private static IEnumerable<ChartSeries> Trend(QuotaForecast? forecast, IStringLocalizer text)
    {
        if (forecast?.SlopePerMonth is null || forecast.PointsUsed.Count == 0)
        {
            yield break;
        }
        var months = forecast.PointsUsed.Select(p => p.Month).Concat(forecast.Projection.Select(p => p.Month)).ToList();
        yield return new ChartSeries
        {
            Label = text["Trend of the year (forecast)"],
            Style = "dashed",
            Colors = [Amber],
            Points = months.Select(m => new ChartPoint(Iso(m), Math.Round(forecast.TrendAt(m)!.Value))).ToList(),
            Notes = months.Select(m => m > forecast.PointsUsed[^1].Month ? (string?)text["projected: a trend is not a promise"] : null).ToList(),
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
