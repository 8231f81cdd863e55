using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;

namespace QuotaDashboard.Features.Export;

/// <summary>The numbers each chart draws, as sheets labelled with title, date, filters and source; every export is audited.</summary>
public sealed class ExportService(
    DashboardQueries queries,
    DataQualityQueries quality,
    IDbContextFactory<QuotaDbContext> dbFactory,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock)
{
    public static string FileName(string name, DateOnly month, string? region, string extension) =>
        $"{name}_{month:yyyy-MM-dd}{(region is null ? "" : "_" + region)}.{extension}";

    /// <summary>The sheet of one chart, or null for a name that is no chart.</summary>
    public async Task<ExportSheet?> ChartAsync(string chart, DateOnly month, string? region, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!ChartNames.All.Contains(chart))
        {
            return null;
        }
        var view = await queries.GetDashboardAsync(month, region, user, ct);
        var series = chart == ChartNames.Timeline ? await queries.GetSeriesAsync(region, user, ct) : null;
        var sheet = Build(chart, view, series, user);
        await AuditAsync(user, $"{chart} {month:yyyy-MM-dd}{(region is null ? "" : " " + region)}", ct);
        return sheet;
    }

    /// <summary>Every chart of the dashboard, then a sheet of what the export is: date, filters, sources, data-quality notes.</summary>
    public async Task<IReadOnlyList<ExportSheet>> DashboardAsync(DateOnly month, string? region, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var view = await queries.GetDashboardAsync(month, region, user, ct);
        var series = await queries.GetSeriesAsync(region, user, ct);
        var issues = await quality.GetIssuesAsync(user, ct);
        var sheets = ChartNames.All.Select(chart => Build(chart, view, series, user)).ToList();
        sheets.Add(new ExportSheet("metadata", text["About this export"], Header(text["Dashboard"], view, SourceOf(view), user),
            [text["Date"], text["What"], text["Detail"]],
            issues.Select(i => new object?[] { i.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Kind.ToString(), QualityText(i) }).ToList()));
        await AuditAsync(user, $"dashboard {month:yyyy-MM-dd}{(region is null ? "" : " " + region)}", ct);
        return sheets;
    }

    private ExportSheet Build(string chart, DashboardView view, TimelineSeries? series, ClaimsPrincipal user) => chart switch
    {
        ChartNames.Categories => Breakdown(chart, text["Workers by permit category"], view, view.Categories, text["Key"], user),
        ChartNames.Sectors => Breakdown(chart, text["Workers by sector (OKED)"], view, view.Sectors, text["OKED"], user),
        ChartNames.Countries => Breakdown(chart, text["Workers by country of origin"], view, view.Countries, text["Code"], user),
        ChartNames.Timeline => Timeline(chart, view, series!, user),
        _ => Ranking(chart, view, user),
    };

    private ExportSheet Breakdown(string name, string title, DashboardView view, BreakdownView breakdown, string keyHeader, ClaimsPrincipal user) =>
        new(name, title, Header(title, view, breakdown.Source, user),
            [keyHeader, text["Name"], text["Workers"], text["Share"] + " (%)"],
            breakdown.Items.Select(i => new object?[]
            {
                i.IsRemainder ? "" : i.Key, i.Name, i.Count,
                breakdown.Total is > 0 and var total ? Math.Round(100.0 * i.Count / total, 1) : null,
            }).ToList());

    private ExportSheet Timeline(string name, DashboardView view, TimelineSeries series, ClaimsPrincipal user)
    {
        var title = view.Region is null ? text["Workers and the quota over time"].Value
            : string.Format(CultureInfo.CurrentCulture, text["{0}: workers and allocation over time"], view.Region.Name);
        var dates = series.Published.Select(p => p.Date).Concat(series.RegionalSums.Select(p => p.Date))
            .Concat(series.Quota.Select(q => q.EffectiveFrom)).Distinct().Order();
        return new ExportSheet(name, title, Header(title, view, null, user, timeline: true),
            [text["Date"], text["Published national total"], view.Region is null ? text["Sum of regional reports"] : text["Regional reports"],
             view.Region is null ? text["Quota in force"] : text["Allocation in force"], text["Source"]],
            dates.Select(date =>
            {
                var published = series.Published.FirstOrDefault(p => p.Date == date);
                var quota = series.Quota.Where(q => q.Year == date.Year && q.EffectiveFrom <= date).OrderBy(q => q.EffectiveFrom).LastOrDefault();
                return new object?[]
                {
                    date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    published?.Value,
                    series.RegionalSums.FirstOrDefault(p => p.Date == date)?.Value,
                    quota?.Units,
                    published?.Note,
                };
            }).ToList());
    }

    private ExportSheet Ranking(string name, DashboardView view, ClaimsPrincipal user)
    {
        var title = text["Regions by use of their allocation"].Value;
        return new ExportSheet(name, title, Header(title, view, null, user),
            [text["Code"], text["Region"], text["Workers"], text["Allocation"], text["Use"] + " (%)", text["Allocation source"]],
            view.Ranking.Select(r => new object?[]
            {
                r.Code, r.Name, r.Workers, r.Allocation, r.UsePct is { } u ? (double)u : null,
                r.AllocationIllustrative ? text["illustrative regional data"].Value : r.AllocationSource,
            }).ToList());
    }

    private List<KeyValuePair<string, string>> Header(string title, DashboardView view, FigureSource? source, ClaimsPrincipal user, bool timeline = false)
    {
        List<KeyValuePair<string, string>> header =
        [
            new(text["Title"], title),
            new(text["As of"], view.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(text["Region"], view.Region is null ? text["All of Kazakhstan"] : $"{view.Region.Name} ({view.Region.Code})"),
            new(text["Source"], timeline
                ? text["Published releases of the Ministry of Labour and Social Protection; regional reports; quota revisions"]
                : source is null ? text["Regional reports; quota allocations"] : string.Join(" ", [source.Text, .. source.Links])),
        ];
        if (view.Illustrative || source?.Illustrative == true)
        {
            header.Add(new(text["Note"], text["illustrative regional data"]));
        }
        header.Add(new(text["Generated at"], clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        header.Add(new(text["Generated by"], user.Who()));
        return header;
    }

    private static FigureSource? SourceOf(DashboardView view) => view.Workers.Source;

    private string QualityText(QualityIssue issue) =>
        string.Join(" ", new[] { issue.Subject, issue.Expected?.ToString(CultureInfo.InvariantCulture), issue.Actual?.ToString(CultureInfo.InvariantCulture), issue.Detail }
            .Where(s => !string.IsNullOrEmpty(s)));

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
