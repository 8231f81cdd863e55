using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Features.Reports;

public sealed record ReportInput(
    string RegionCode,
    DateOnly Month,
    int Total,
    IReadOnlyDictionary<string, int> Categories,
    IReadOnlyDictionary<string, int> Sectors,
    IReadOnlyDictionary<string, int> Countries,
    int? Employers = null,
    int? LocalEmployees = null,
    string? Comment = null,
    string? MismatchReason = null);

public abstract record SaveResult
{
    public sealed record Saved(int RevisionNumber, int Version) : SaveResult;

    /// <summary>Someone saved the report after this screen loaded it; nothing was written.</summary>
    public sealed record Conflict(int CurrentVersion) : SaveResult;

    public sealed record Invalid(IReadOnlyList<string> Errors) : SaveResult;

    /// <summary>The user may not write this region's reports; nothing was written.</summary>
    public sealed record Forbidden(string Reason) : SaveResult;
}

/// <summary>Writes a report as a new revision in one transaction, then tells every open dashboard.</summary>
public sealed class ReportCommands(IDbContextFactory<QuotaDbContext> dbFactory, DataChangeNotifier notifier, TimeProvider clock)
{
    public const int MaxCount = 1_000_000;
    public const int MaxTextLength = 2000;

    public async Task<SaveResult> SaveAsync(ReportInput input, ClaimsPrincipal user, int? expectedVersion, CancellationToken ct = default)
    {
        if (!user.CanWriteReports(input.RegionCode))
        {
            return new SaveResult.Forbidden($"{user.Who()} may not enter reports for {input.RegionCode}.");
        }
        var month = new DateOnly(input.Month.Year, input.Month.Month, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = await ValidateAsync(db, input, DateOnly.FromDateTime(now), ct);
        if (errors.Count > 0)
        {
            return new SaveResult.Invalid(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await db.Reports.Include(r => r.Revisions).ThenInclude(v => v.Lines)
            .FirstOrDefaultAsync(r => r.RegionCode == input.RegionCode && r.Month == month, ct);
        var previous = report?.Revisions.FirstOrDefault(v => v.Id == report.CurrentRevisionId);
        if (report is null)
        {
            report = new PermitReport { RegionCode = input.RegionCode, Month = month };
            db.Reports.Add(report);
        }
        else if (expectedVersion is { } expected && expected != report.Version)
        {
            return new SaveResult.Conflict(report.Version);
        }

        var revision = new PermitReportRevision
        {
            Number = report.Revisions.Count == 0 ? 1 : report.Revisions.Max(r => r.Number) + 1,
            Total = input.Total,
            Employers = input.Employers,
            LocalEmployees = input.LocalEmployees,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            MismatchReason = string.IsNullOrWhiteSpace(input.MismatchReason) ? null : input.MismatchReason.Trim(),
            EnteredBy = user.Who(),
            EnteredAtUtc = now,
            Lines = Lines(Breakdown.Category, input.Categories)
                .Concat(Lines(Breakdown.Sector, input.Sectors))
                .Concat(Lines(Breakdown.Country, input.Countries))
                .ToList(),
        };
        report.Revisions.Add(revision);
        report.IsIllustrative = false;
        report.Version++;
        AuditLog.Record(db, user.Who(), "report.save", $"{input.RegionCode} {month:yyyy-MM}",
            previous is null ? null : Snapshot(previous), Snapshot(revision), now);
        try
        {
            await db.SaveChangesAsync(ct);
            report.CurrentRevisionId = revision.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Reports.AsNoTracking().Where(r => r.Id == report.Id).Select(r => r.Version).FirstAsync(ct);
            return new SaveResult.Conflict(current);
        }

        await notifier.PublishAsync(new DataChange(DataChangeKind.Reports, input.RegionCode, month));
        return new SaveResult.Saved(revision.Number, report.Version);
    }

    /// <summary>What a revision says, as the audit log keeps it.</summary>
    public static object Snapshot(PermitReportRevision revision) => new
    {
        revision.Number,
        revision.Total,
        revision.Employers,
        revision.LocalEmployees,
        Categories = Counts(revision, Breakdown.Category),
        Sectors = Counts(revision, Breakdown.Sector),
        Countries = Counts(revision, Breakdown.Country),
        revision.Comment,
        revision.MismatchReason,
    };

    private static SortedDictionary<string, int> Counts(PermitReportRevision revision, Breakdown dimension) =>
        new(revision.Lines.Where(l => l.Dimension == dimension).ToDictionary(l => l.Key, l => l.Count), StringComparer.Ordinal);

    private static IEnumerable<BreakdownLine> Lines(Breakdown dimension, IReadOnlyDictionary<string, int> counts) =>
        counts.Where(c => c.Value > 0).Select(c => new BreakdownLine { Dimension = dimension, Key = c.Key, Count = c.Value });

    private static async Task<List<string>> ValidateAsync(QuotaDbContext db, ReportInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<string>();
        if (input.Month > new DateOnly(today.Year, today.Month, 1))
        {
            errors.Add($"{input.Month:yyyy-MM} is in the future; reports describe a month that has begun.");
        }
        if (input.Comment?.Length > MaxTextLength || input.MismatchReason?.Length > MaxTextLength)
        {
            errors.Add($"A comment or reason may be at most {MaxTextLength} characters long.");
        }
        if (!await db.Regions.AnyAsync(r => r.Code == input.RegionCode, ct))
        {
            errors.Add($"Unknown region '{input.RegionCode}'.");
        }
        void CheckCount(string what, int? value)
        {
            if (value is < 0 or > MaxCount)
            {
                errors.Add($"{what} must be a whole number from 0 to {MaxCount}.");
            }
        }
        CheckCount("Total", input.Total);
        CheckCount("Employers", input.Employers);
        CheckCount("Local employees", input.LocalEmployees);
        var categories = await db.Categories.Select(c => c.Key).ToListAsync(ct);
        var sectors = await db.Sectors.Select(s => s.Letter).ToListAsync(ct);
        foreach (var (key, value) in input.Categories)
        {
            if (!categories.Contains(key)) errors.Add($"Unknown permit category '{key}'.");
            CheckCount($"Category {key}", value);
        }
        foreach (var (key, value) in input.Sectors)
        {
            if (!sectors.Contains(key)) errors.Add($"Unknown OKED section '{key}'.");
            CheckCount($"Sector {key}", value);
        }
        foreach (var (key, value) in input.Countries)
        {
            if (key != Names.OtherKey && !Names.IsCountryCode(key)) errors.Add($"Unknown country code '{key}'.");
            CheckCount($"Country {key}", value);
        }
        // A breakdown may disagree with the total, as real releases do, but only when someone says why.
        if (string.IsNullOrWhiteSpace(input.MismatchReason))
        {
            foreach (var (what, counts) in new[] { ("categories", input.Categories), ("sectors", input.Sectors), ("countries", input.Countries) })
            {
                var sum = counts.Values.Sum(v => (long)v);
                if (counts.Count > 0 && sum != input.Total)
                {
                    errors.Add($"The {what} add up to {sum}, not to the total of {input.Total}: correct them, or confirm the difference with a reason.");
                }
            }
        }
        return errors;
    }
}
