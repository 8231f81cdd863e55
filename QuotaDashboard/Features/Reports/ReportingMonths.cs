using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Reports;

/// <summary>The <c>Reporting</c> settings.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>The first month a report may describe, as yyyy-MM; when empty, January of the first quota year in the store.</summary>
    public string? EarliestMonth { get; set; }

    public static bool TryParseMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text?.Trim(), ReportCsv.MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public bool IsValid => string.IsNullOrWhiteSpace(EarliestMonth) || TryParseMonth(EarliestMonth, out _);
}

/// <summary>The months a report may describe, both ends included, each as its first day.</summary>
public sealed record ReportingMonthRange(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly month) => FirstDay(month) >= First && FirstDay(month) <= Last;

    /// <summary>The nearest month of the range.</summary>
    public DateOnly Clamp(DateOnly month) => FirstDay(month) < First ? First : FirstDay(month) > Last ? Last : FirstDay(month);

    public static DateOnly FirstDay(DateOnly month) => new(month.Year, month.Month, 1);
}

/// <summary>
/// The one place that says which months can be reported: from the configured earliest month, or else January of the first
/// quota year of the record, to the current month.
/// </summary>
public sealed class ReportingMonths(IDbContextFactory<QuotaDbContext> dbFactory, IOptions<ReportingOptions> options, TimeProvider clock)
{
    public async Task<ReportingMonthRange> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GetAsync(db, ct);
    }

    public async Task<ReportingMonthRange> GetAsync(QuotaDbContext db, CancellationToken ct)
    {
        var last = ReportingMonthRange.FirstDay(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (ReportingOptions.TryParseMonth(options.Value.EarliestMonth, out var configured))
        {
            return new ReportingMonthRange(configured, last);
        }
        // A store without a quota year has no record to start from: only the current month can be reported.
        var firstYear = await db.QuotaRevisions.MinAsync(q => (int?)q.Year, ct);
        return new ReportingMonthRange(firstYear is { } year ? new DateOnly(year, 1, 1) : last, last);
    }
}
