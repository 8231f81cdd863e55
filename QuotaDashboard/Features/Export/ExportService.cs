using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Pages.Dashboard;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Features.Export;

/// <summary>The numbers each chart draws, as sheets labelled with title, date, filters and source; every export is audited.</summary>
public sealed class ExportService(
    DashboardQueries queries,
    UseQueries use,
    DataQualityQueries quality,
    ReferenceNames reference,
    IDbContextFactory<QuotaDbContext> dbFactory,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock)
{
    public static string FileName(string name, DateOnly month, string? region, string extension) =>
        $"{name}_{month:yyyy-MM-dd}{(region is null ? "" : "_" + region)}.{extension}";

    /// <summary>The sheet of one chart, or null for a name that is no chart.</summary>
    public async Task<ExportSheet?> ChartAsync(string chart, DateOnly month, string? region, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChartCatalogue.Names.Contains(chart))
        {
            return null;
        }
        var sheet = Build(chart, await DataAsync(month, region, user, ct), user);
        await AuditAsync(user, $"{chart} {month:yyyy-MM-dd}{(region is null ? "" : " " + region)}", ct);
        return sheet;
    }

    /// <summary>Every chart of the dashboard, then a sheet of what the export is: date, filters, sources, data-quality notes.</summary>
    public async Task<IReadOnlyList<ExportSheet>> DashboardAsync(DateOnly month, string? region, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var data = await DataAsync(month, region, user, ct);
        var (view, series, names) = (data.View, data.Series, data.Names);
        var issues = await quality.GetIssuesAsync(user, ct);
        var sheets = ChartCatalogue.Names.Select(chart => Build(chart, data, user)).ToList();
        var illustrative = ChartCatalogue.Names.Zip(sheets)
            .Select(c => IllustrativeText.For(c.First, view, series, text) is { } note ? $"{c.Second.Title} — {note}" : null)
            .OfType<string>().ToList();
        sheets.Add(new ExportSheet("metadata", text["About this export"],
            Header(text["Dashboard"], view, names, view.Workers.Source is { } source ? SourceText.WithLinks(source, names, text) : text["Regional reports; quota allocations"], user,
                illustrative.Count == 0 ? null : string.Join("; ", illustrative)),
            [text["Date"], text["What"], text["Detail"]],
            issues.Select(i => new object?[]
            {
                i.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                QualityText.KindName(i.Kind, text),
                QualityText.Describe(i, text, CultureInfo.CurrentCulture),
            }).ToList()));
        await AuditAsync(user, $"dashboard {month:yyyy-MM-dd}{(region is null ? "" : " " + region)}", ct);
        return sheets;
    }

    private async Task<ChartData> DataAsync(DateOnly month, string? region, ClaimsPrincipal user, CancellationToken ct) => new(
        await queries.GetDashboardAsync(month, region, user, ct),
        await queries.GetSeriesAsync(region, user, ct),
        await use.GetUseAsync(month, user, ct),
        await reference.GetAsync(ct));

    private ExportSheet Build(string chart, ChartData data, ClaimsPrincipal user)
    {
        var (view, series, names) = (data.View, data.Series, data.Names);
        var note = IllustrativeText.For(chart, view, series, text);
        var title = ChartCatalogue.Get(chart).Title(data, text);
        return chart switch
        {
            ChartNames.Categories => Breakdown(chart, title, view, view.Categories, text["Key"], names, user, note),
            ChartNames.Sectors => Breakdown(chart, title, view, view.Sectors, text["OKED"], names, user, note),
            ChartNames.Countries => Breakdown(chart, title, view, view.Countries, text["Code"], names, user, note),
            ChartNames.Timeline => Timeline(chart, title, data, user, note),
            ChartNames.Map => Map(chart, title, data, user, note),
            _ => Ranking(chart, title, data, user, note),
        };
    }

    /// <summary>The items, then the total they belong to and, where they do not add up to it, the difference.</summary>
    private ExportSheet Breakdown(string name, string title, DashboardView view, BreakdownView breakdown, string keyHeader, ReferenceBook names,
        ClaimsPrincipal user, string? note)
    {
        var rows = breakdown.Items.Select(i => new object?[]
        {
            i.IsRemainder ? "" : i.Key, names.Item(breakdown.Dimension, i.Key, text), i.Count,
            breakdown.Total is > 0 and var total ? Math.Round(100.0 * i.Count / total, 1) : null,
        }).ToList();
        if (breakdown.Items.Count > 0 && breakdown.Total is { } sum)
        {
            rows.Add(["", TotalName(breakdown.Source), sum, sum > 0 ? 100.0 : null]);
            if (breakdown.Gap is { } gap && gap != 0)
            {
                rows.Add(["", text["Difference: the items less the total"].Value, gap, null]);
            }
        }
        var header = Header(title, view, names, breakdown.Source is { } source ? SourceText.WithLinks(source, names, text) : text["Not published for this month"], user, note,
            QualityText.BreakdownGap(name, breakdown, text, CultureInfo.CurrentCulture));
        return new(name, title, header, [keyHeader, text["Name"], text["Workers"], text["Share"] + " (%)"], rows);
    }

    private string TotalName(FigureSource? source) => source?.Kind switch
    {
        SourceKind.PublishedRelease => text["Published total"],
        SourceKind.RegionalReport => text["Total of the region's report"],
        _ => text["Total of the regional reports"],
    };

    /// <summary>Every date of the record with its figures, then the months of the year's trend with the line's value, marked as a forecast.</summary>
    private ExportSheet Timeline(string name, string title, ChartData data, ClaimsPrincipal user, string? note)
    {
        var (view, series, names) = (data.View, data.Series, data.Names);
        var forecast = ChartCatalogue.ForecastOf(data);
        var trend = forecast?.SlopePerMonth is null ? [] : forecast.PointsUsed.Select(p => p.Month).Concat(forecast.Projection.Select(p => p.Month)).ToList();
        var dates = series.Published.Select(p => p.Date).Concat(series.RegionalSums.Select(p => p.Date))
            .Concat(series.Quota.Select(q => q.EffectiveFrom)).Concat(trend).Distinct().Order();
        var header = Header(title, view, names, ChartCatalogue.Get(name).Source(data, text) ?? "", user, note);
        if (forecast is not null)
        {
            header.Add(new(text["Forecast"], $"{UseText.Forecast(forecast, text)} {UseText.Method(forecast, text)}"));
        }
        return new ExportSheet(name, title, header,
            [text["Date"], text["Published national total"], IllustrativeText.RegionalLine(view, text),
             view.Region is null ? text["Quota in force"] : text["Allocation in force"], text["Trend of the year (forecast)"], text["Source"]],
            dates.Select(date =>
            {
                var published = series.Published.FirstOrDefault(p => p.Date == date);
                return new object?[]
                {
                    date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    published?.Value,
                    series.RegionalSums.FirstOrDefault(p => p.Date == date)?.Value,
                    UseForecasts.UnitsInForce(series.Quota, date),
                    trend.Contains(date) ? Math.Round(forecast!.TrendAt(date)!.Value) : null,
                    published?.Sources,
                };
            }).ToList());
    }

    private ExportSheet Ranking(string name, string title, ChartData data, ClaimsPrincipal user, string? note)
    {
        var (view, names, thresholds) = (data.View, data.Names, data.Use.Thresholds.Thresholds);
        return new ExportSheet(name, title, Header(title, view, names, ChartCatalogue.Get(name).Source(data, text) ?? "", user, note),
            [text["Code"], text["Region"], text["Workers"], text["Allocation"], text["Use"] + " (%)", text["State"], text["Allocation source"]],
            view.Ranking.Select(r => new object?[]
            {
                r.Code, names.Region(r.Code), r.Workers, r.Allocation, r.UsePct is { } u ? (double)u : null,
                UseText.Words(thresholds.StateOf(r.UsePct), thresholds, text),
                r.AllocationIllustrative ? text["illustrative regional data"].Value : r.AllocationSource,
            }).ToList());
    }

    /// <summary>The map's tiles as rows: each region's use, its state in words, and where its trend leads.</summary>
    private ExportSheet Map(string name, string title, ChartData data, ClaimsPrincipal user, string? note)
    {
        var (view, names, use) = (data.View, data.Names, data.Use);
        return new ExportSheet(name, title, Header(title, view, names, ChartCatalogue.Get(name).Source(data, text) ?? "", user, note),
            [text["Code"], text["Region"], text["Workers"], text["Allocation"], text["Use"] + " (%)", text["State"], text["Forecast"], text["Submitted, waiting for review"]],
            use.Regions.Select(r => new object?[]
            {
                r.RegionCode, names.Region(r.RegionCode!), r.Workers, r.Units, r.UsePct is { } u ? (double)u : null,
                UseText.Words(r.State, use.Thresholds.Thresholds, text), UseText.Forecast(r.Forecast, text), r.PendingRevisions,
            }).ToList());
    }

    /// <summary>Title, date, filters and source; the note says which of these figures, if any, are illustrative; the difference, how far a breakdown is from its total.</summary>
    private List<KeyValuePair<string, string>> Header(string title, DashboardView view, ReferenceBook names, string source, ClaimsPrincipal user, string? note, string? difference = null)
    {
        List<KeyValuePair<string, string>> header =
        [
            new(text["Title"], title),
            new(text["As of"], view.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(text["Region"], view.Region is null ? text["All of Kazakhstan"] : $"{names.Region(view.Region.Code)} ({view.Region.Code})"),
            new(text["Source"], source),
        ];
        if (note is not null)
        {
            header.Add(new(text["Note"], note));
        }
        if (difference is not null)
        {
            header.Add(new(text["Difference"], difference));
        }
        header.Add(new(text["Generated at"], clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        header.Add(new(text["Generated by"], user.Who()));
        return header;
    }

    /// <summary>Records an export made in the browser (an image, a printed briefing), which the server does not see otherwise.</summary>
    public Task RecordBrowserExportAsync(ClaimsPrincipal user, string subject, CancellationToken ct = default) =>
        user.CanRead(null) ? AuditAsync(user, subject, ct) : Task.CompletedTask;

    private async Task AuditAsync(ClaimsPrincipal user, string subject, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AuditLog.Record(db, user.Who(), "export", subject, null, null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
