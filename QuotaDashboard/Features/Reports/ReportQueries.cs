using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Reports;

public sealed record KeyName(string Key, string Name);

/// <summary>The keys a report's fixed breakdowns may use, named in the UI language and in the store's order.</summary>
public sealed record ReportKeys(IReadOnlyList<KeyName> Categories, IReadOnlyList<KeyName> Sectors)
{
    public string Name(Breakdown dimension, string key) => dimension switch
    {
        Breakdown.Category => Categories.FirstOrDefault(c => c.Key == key)?.Name ?? key,
        Breakdown.Sector => Sectors.FirstOrDefault(s => s.Key == key)?.Name ?? key,
        _ => Names.Country(key),
    };
}

/// <summary>What one revision of a report says, who entered it when, and where it stands in review.</summary>
public sealed record RevisionView(
    int Number,
    DateOnly Month,
    int Total,
    int? Employers,
    int? LocalEmployees,
    string? Comment,
    string? MismatchReason,
    string EnteredBy,
    DateTime EnteredAtUtc,
    IReadOnlyDictionary<string, int> Categories,
    IReadOnlyDictionary<string, int> Sectors,
    IReadOnlyDictionary<string, int> Countries,
    RevisionState State,
    string? DecidedBy,
    DateTime? DecidedAtUtc,
    string? ReturnReason)
{
    public IReadOnlyDictionary<string, int> Lines(Breakdown dimension) => dimension switch
    {
        Breakdown.Category => Categories,
        Breakdown.Sector => Sectors,
        _ => Countries,
    };
}

/// <summary>The revision a report now stands at, with the version a save must name to replace it.</summary>
public sealed record CurrentReport(int Version, RevisionView Revision);

/// <summary>
/// Where a report stands for its entry screen: the version a save must name, the accepted revision that counts (null until one
/// is accepted) and the latest revision, which is another while a submission waits for review or after one was returned.
/// </summary>
public sealed record ReportStanding(int Version, RevisionView? Accepted, RevisionView Latest)
{
    /// <summary>The revision a correction starts from: a reviewer's entry replaces the accepted one, an officer's follows the latest.</summary>
    public RevisionView? StartFor(ClaimsPrincipal user) => user.CanReviewReports() ? Accepted : Latest;
}

public sealed record ReportMonth(DateOnly Month, int Revisions);

public enum ChangedField { Total, Category, Sector, Country, Employers, LocalEmployees, Comment, MismatchReason }

public abstract record ReportChange(ChangedField Field);

/// <summary>A count that changed; null where the field or key was absent on that side.</summary>
public sealed record CountChange(ChangedField Field, string? Key, int? From, int? To) : ReportChange(Field)
{
    /// <summary>The breakdown the key belongs to; null for the total, employers and local employees.</summary>
    public Breakdown? Dimension => Field switch
    {
        ChangedField.Category => Breakdown.Category,
        ChangedField.Sector => Breakdown.Sector,
        ChangedField.Country => Breakdown.Country,
        _ => null,
    };
}

public sealed record TextChange(ChangedField Field, string? From, string? To) : ReportChange(Field);

/// <summary>One revision and what it changed against the revision before it (nothing for the first).</summary>
public sealed record HistoryEntry(RevisionView Revision, bool IsCurrent, IReadOnlyList<ReportChange> Changes);

/// <summary>Reads regional reports for the entry and history screens; every read checks that the user may see the region.</summary>
public sealed class ReportQueries(IDbContextFactory<QuotaDbContext> dbFactory)
{
    public async Task<ReportKeys> GetKeysAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).Select(c => new { c.Key, c.NameEn, c.NameRu, c.NameKk }).ToListAsync(ct);
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Letter).Select(s => new { s.Letter, s.NameEn, s.NameRu, s.NameKk }).ToListAsync(ct);
        return new ReportKeys(
            categories.Select(c => new KeyName(c.Key, Names.Pick(c.NameEn, c.NameRu, c.NameKk))).ToList(),
            sectors.Select(s => new KeyName(s.Letter, Names.Pick(s.NameEn, s.NameRu, s.NameKk))).ToList());
    }

    /// <summary>The months the region has a report for, accepted or not yet, newest first, with how many revisions each has.</summary>
    public async Task<IReadOnlyList<ReportMonth>> GetMonthsAsync(string regionCode, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandRead(regionCode);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Reports.AsNoTracking()
            .Where(r => r.RegionCode == regionCode)
            .OrderByDescending(r => r.Month)
            .Select(r => new ReportMonth(r.Month, r.Revisions.Count()))
            .ToListAsync(ct);
    }

    /// <summary>The current revision of the region's report for the month, or null where there is none.</summary>
    public async Task<CurrentReport?> GetCurrentAsync(string regionCode, DateOnly month, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandRead(regionCode);
        month = FirstOfMonth(month);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Revisions.AsNoTracking()
            .Where(v => v.Report!.RegionCode == regionCode && v.Report.Month == month && v.Report.CurrentRevisionId == v.Id)
            .Select(Projection)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new CurrentReport(row.ReportVersion, row.ToView());
    }

    /// <summary>The accepted and the latest revision of the region's report for the month, or null where there is no report.</summary>
    public async Task<ReportStanding?> GetStandingAsync(string regionCode, DateOnly month, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandRead(regionCode);
        month = FirstOfMonth(month);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Revisions.AsNoTracking()
            .Where(v => v.Report!.RegionCode == regionCode && v.Report.Month == month
                && (v.Report.CurrentRevisionId == v.Id || v.Number == v.Report.Revisions.Max(x => x.Number)))
            .Select(Projection)
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }
        var latest = rows.MaxBy(r => r.Number)!;
        return new ReportStanding(latest.ReportVersion, rows.FirstOrDefault(r => r.IsCurrent)?.ToView(), latest.ToView());
    }

    /// <summary>The current revision of the region's latest report before the month: where a new month's report starts from.</summary>
    public async Task<RevisionView?> GetLatestBeforeAsync(string regionCode, DateOnly month, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandRead(regionCode);
        month = FirstOfMonth(month);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Revisions.AsNoTracking()
            .Where(v => v.Report!.RegionCode == regionCode && v.Report.Month < month && v.Report.CurrentRevisionId == v.Id)
            .OrderByDescending(v => v.Report!.Month)
            .Select(Projection)
            .FirstOrDefaultAsync(ct);
        return row?.ToView();
    }

    /// <summary>Every revision of the region's report for the month, newest first, each with its changes against the one before.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string regionCode, DateOnly month, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandRead(regionCode);
        month = FirstOfMonth(month);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categoryOrder = await db.Categories.AsNoTracking().OrderBy(c => c.Order).Select(c => c.Key).ToListAsync(ct);
        var rows = await db.Revisions.AsNoTracking()
            .Where(v => v.Report!.RegionCode == regionCode && v.Report.Month == month)
            .OrderBy(v => v.Number)
            .Select(Projection)
            .ToListAsync(ct);
        var views = rows.Select(r => r.ToView()).ToList();
        return rows
            .Select((row, i) => new HistoryEntry(views[i], row.IsCurrent, i == 0 ? [] : Compare(views[i - 1], views[i], categoryOrder)))
            .Reverse()
            .ToList();
    }

    /// <summary>Field by field, in the order a report is read: total, the three breakdowns, employers, local employees, comment, reason.</summary>
    internal static List<ReportChange> Compare(RevisionView before, RevisionView after, List<string> categoryOrder)
    {
        var changes = new List<ReportChange>();
        void Count(ChangedField field, string? key, int? from, int? to)
        {
            if (from != to)
            {
                changes.Add(new CountChange(field, key, from, to));
            }
        }
        void Lines(ChangedField field, Breakdown dimension, Func<string, int> rank)
        {
            var a = before.Lines(dimension);
            var b = after.Lines(dimension);
            foreach (var key in a.Keys.Union(b.Keys).OrderBy(rank).ThenBy(k => k, StringComparer.Ordinal))
            {
                Count(field, key, a.TryGetValue(key, out var x) ? x : null, b.TryGetValue(key, out var y) ? y : null);
            }
        }
        void Text(ChangedField field, string? from, string? to)
        {
            if (from != to)
            {
                changes.Add(new TextChange(field, from, to));
            }
        }

        Count(ChangedField.Total, null, before.Total, after.Total);
        Lines(ChangedField.Category, Breakdown.Category, k => categoryOrder.IndexOf(k) is var i and >= 0 ? i : int.MaxValue);
        Lines(ChangedField.Sector, Breakdown.Sector, _ => 0);
        Lines(ChangedField.Country, Breakdown.Country, k => k == Names.OtherKey ? 1 : 0);
        Count(ChangedField.Employers, null, before.Employers, after.Employers);
        Count(ChangedField.LocalEmployees, null, before.LocalEmployees, after.LocalEmployees);
        Text(ChangedField.Comment, before.Comment, after.Comment);
        Text(ChangedField.MismatchReason, before.MismatchReason, after.MismatchReason);
        return changes;
    }

    internal static DateOnly FirstOfMonth(DateOnly month) => new(month.Year, month.Month, 1);

    internal static readonly Expression<Func<PermitReportRevision, RevisionRow>> Projection = v => new RevisionRow
    {
        ReportId = v.ReportId,
        RegionCode = v.Report!.RegionCode,
        Number = v.Number,
        Month = v.Report.Month,
        ReportVersion = v.Report.Version,
        IsCurrent = v.Report.CurrentRevisionId == v.Id,
        Total = v.Total,
        Employers = v.Employers,
        LocalEmployees = v.LocalEmployees,
        Comment = v.Comment,
        MismatchReason = v.MismatchReason,
        EnteredBy = v.EnteredBy,
        EnteredAtUtc = v.EnteredAtUtc,
        State = v.State,
        DecidedBy = v.DecidedBy,
        DecidedAtUtc = v.DecidedAtUtc,
        ReturnReason = v.ReturnReason,
        Lines = v.Lines.Select(l => new LineRow { Dimension = l.Dimension, Key = l.Key, Count = l.Count }).ToList(),
    };

    internal sealed class RevisionRow
    {
        public int ReportId { get; init; }
        public string RegionCode { get; init; } = "";
        public int Number { get; init; }
        public DateOnly Month { get; init; }
        public int ReportVersion { get; init; }
        public bool IsCurrent { get; init; }
        public int Total { get; init; }
        public int? Employers { get; init; }
        public int? LocalEmployees { get; init; }
        public string? Comment { get; init; }
        public string? MismatchReason { get; init; }
        public string EnteredBy { get; init; } = "";
        public DateTime EnteredAtUtc { get; init; }
        public RevisionState State { get; init; }
        public string? DecidedBy { get; init; }
        public DateTime? DecidedAtUtc { get; init; }
        public string? ReturnReason { get; init; }
        public List<LineRow> Lines { get; init; } = [];

        public RevisionView ToView()
        {
            IReadOnlyDictionary<string, int> Counts(Breakdown dimension) =>
                Lines.Where(l => l.Dimension == dimension).ToDictionary(l => l.Key, l => l.Count, StringComparer.Ordinal);
            return new RevisionView(Number, Month, Total, Employers, LocalEmployees, Comment, MismatchReason, EnteredBy,
                DateTime.SpecifyKind(EnteredAtUtc, DateTimeKind.Utc), Counts(Breakdown.Category), Counts(Breakdown.Sector), Counts(Breakdown.Country),
                State, DecidedBy, DecidedAtUtc is { } decided ? DateTime.SpecifyKind(decided, DateTimeKind.Utc) : null, ReturnReason);
        }
    }

    internal sealed class LineRow
    {
        public Breakdown Dimension { get; init; }
        public string Key { get; init; } = "";
        public int Count { get; init; }
    }
}
