using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features.Dashboard;
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

/// <summary>The parts of a report that a problem can be about: a report's <see cref="Problem.Field"/> is one of these.</summary>
public static class ReportField
{
    public const string Region = "region";
    public const string Month = "month";
    public const string Total = "total";
    public const string Employers = "employers";
    public const string LocalEmployees = "local_employees";
    public const string Comment = "comment";
    public const string MismatchReason = "mismatch_reason";
    public const string Categories = "categories";
    public const string Sectors = "sectors";
    public const string Countries = "countries";
}

public abstract record SaveResult
{
    /// <summary>Stored as a new revision: <see cref="RevisionState.Accepted"/> for a reviewer's entry, which counts at once, <see cref="RevisionState.Submitted"/> for an officer's, which waits for review.</summary>
    public sealed record Saved(int RevisionNumber, int Version, RevisionState State) : SaveResult;

    /// <summary>Someone saved the report after this screen loaded it; nothing was written.</summary>
    public sealed record Conflict(int CurrentVersion) : SaveResult;

    /// <summary>What is wrong, each problem about a <see cref="ReportField"/> and, for a breakdown, the entry it names (or none for the whole breakdown).</summary>
    public sealed record Invalid(IReadOnlyList<Problem> Problems) : SaveResult;

    /// <summary>The user may not write this region's reports; nothing was written.</summary>
    public sealed record Forbidden(Problem Problem) : SaveResult;

    /// <summary>The input says what the revision it would follow says; nothing was written.</summary>
    public sealed record Unchanged(int RevisionNumber, int Version) : SaveResult;
}

/// <summary>A report of a batch that was stored in <paramref name="State"/> or, when <paramref name="Unchanged"/>, found to say what the revision it would follow says and left as it was.</summary>
public sealed record SavedReport(string RegionCode, DateOnly Month, int RevisionNumber, int Version, RevisionState State, bool Unchanged = false);

/// <summary>Why one report of a batch was refused: <paramref name="Index"/> is its place in the batch, <paramref name="Reason"/> one of the refusals of <see cref="SaveResult"/>.</summary>
public sealed record RefusedReport(int Index, SaveResult Reason);

public abstract record SaveManyResult
{
    public sealed record Saved(IReadOnlyList<SavedReport> Reports) : SaveManyResult;

    /// <summary>At least one report was refused, so none was written.</summary>
    public sealed record Refused(IReadOnlyList<RefusedReport> Reports) : SaveManyResult;
}

/// <summary>
/// Writes reports as new revisions in one transaction, then tells every open page. A reviewer's revision is accepted and counts at once;
/// an officer's is submitted and counts only once a reviewer accepts it (<see cref="ReviewCommands"/>). Either supersedes a submission
/// of the same report still waiting for review.
/// </summary>
public sealed class ReportCommands(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache changes, ReportingMonths reportingMonths, TimeProvider clock)
{
    public const int MaxCount = 1_000_000;
    public const int MaxTextLength = 2000;

    public const string SaveAction = "report.save";
    public const string SubmitAction = "report.submit";
    public const string SupersedeAction = "report.supersede";

    private sealed record Pending(ReportInput Input, int? ExpectedVersion)
    {
        public DateOnly Month { get; } = new(Input.Month.Year, Input.Month.Month, 1);
    }

    public async Task<SaveResult> SaveAsync(ReportInput input, ClaimsPrincipal user, int? expectedVersion, CancellationToken ct = default) =>
        await SaveAllAsync([new Pending(input, expectedVersion)], user, ct) switch
        {
            SaveManyResult.Saved { Reports: [{ Unchanged: true } unchanged] } => new SaveResult.Unchanged(unchanged.RevisionNumber, unchanged.Version),
            SaveManyResult.Saved saved => new SaveResult.Saved(saved.Reports[0].RevisionNumber, saved.Reports[0].Version, saved.Reports[0].State),
            SaveManyResult.Refused refused => refused.Reports[0].Reason,
            _ => throw new InvalidOperationException("Unknown save result."),
        };

    /// <summary>
    /// Stores every report as a new revision of its own, or none of them: one transaction, one notification.
    /// A report that says what the revision it would follow says is left as it is and named as unchanged.
    /// </summary>
    public Task<SaveManyResult> SaveManyAsync(IReadOnlyList<ReportInput> inputs, ClaimsPrincipal user, CancellationToken ct = default) =>
        SaveAllAsync(inputs.Select(i => new Pending(i, null)).ToList(), user, ct);

    /// <summary>The reports of a batch that saving would refuse, without writing anything.</summary>
    public async Task<IReadOnlyList<RefusedReport>> CheckManyAsync(IReadOnlyList<ReportInput> inputs, ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CheckAsync(db, inputs.Select(i => new Pending(i, null)).ToList(), user, await reportingMonths.GetAsync(db, ct), ct);
    }

    private async Task<SaveManyResult> SaveAllAsync(IReadOnlyList<Pending> batch, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var accepted = user.CanReviewReports();
        var who = user.Who();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var refused = await CheckAsync(db, batch, user, await reportingMonths.GetAsync(db, ct), ct);
        if (refused.Count > 0)
        {
            return new SaveManyResult.Refused(refused);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var regions = batch.Select(p => p.Input.RegionCode).Distinct().ToList();
        var months = batch.Select(p => p.Month).Distinct().ToList();
        var existing = (await db.Reports.Include(r => r.Revisions).ThenInclude(v => v.Lines)
                .Where(r => regions.Contains(r.RegionCode) && months.Contains(r.Month))
                .ToListAsync(ct))
            .ToDictionary(r => (r.RegionCode, r.Month));
        var written = new List<(int Index, PermitReport Report, PermitReportRevision Revision)>();
        var unchanged = new List<(int Index, SavedReport Report)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (input, expectedVersion) = batch[i];
            var month = batch[i].Month;
            var report = existing.GetValueOrDefault((input.RegionCode, month));
            // What the save follows: for a reviewer the accepted revision, which theirs replaces; for an officer the latest, waiting or
            // returned, which is what their screen corrects.
            var previous = accepted
                ? report?.Revisions.FirstOrDefault(v => v.Id == report.CurrentRevisionId)
                : report?.Revisions.MaxBy(v => v.Number);
            var revision = NewRevision(report, input, who, now, accepted);
            // Checked before the version: a stale screen that repeats what is stored has nothing to lose.
            if (report is not null && previous is not null && SameFigures(previous, revision))
            {
                unchanged.Add((i, new SavedReport(report.RegionCode, report.Month, previous.Number, report.Version, previous.State, Unchanged: true)));
                continue;
            }
            if (report is null)
            {
                report = new PermitReport { RegionCode = input.RegionCode, Month = month };
                db.Reports.Add(report);
            }
            else if (expectedVersion is { } expected && expected != report.Version)
            {
                refused.Add(new RefusedReport(i, new SaveResult.Conflict(report.Version)));
                continue;
            }
            var subject = $"{input.RegionCode} {month:yyyy-MM}";
            // A submission nobody decided on yet is replaced, never left to be accepted over the newer revision.
            foreach (var waiting in report.Revisions.Where(v => v.State == RevisionState.Submitted))
            {
                waiting.State = RevisionState.Superseded;
                AuditLog.Record(db, who, SupersedeAction, subject,
                    new { waiting.Number, State = nameof(RevisionState.Submitted) },
                    new { waiting.Number, State = nameof(RevisionState.Superseded), SupersededBy = revision.Number }, now);
            }
            report.Revisions.Add(revision);
            if (accepted)
            {
                report.IsIllustrative = false;
            }
            report.Version++;
            AuditLog.Record(db, who, accepted ? SaveAction : SubmitAction, subject,
                previous is null ? null : Snapshot(previous), Snapshot(revision), now);
            written.Add((i, report, revision));
        }
        if (refused.Count > 0)
        {
            return new SaveManyResult.Refused(refused);
        }
        if (written.Count == 0)
        {
            return new SaveManyResult.Saved(unchanged.Select(u => u.Report).ToList());
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (accepted)
            {
                foreach (var (_, report, revision) in written)
                {
                    report.CurrentRevisionId = revision.Id;
                }
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return new SaveManyResult.Refused(await ConflictsAsync(db, written.ToDictionary(w => w.Report, w => w.Index), ex, ct));
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another screen stored the first revision of a report this batch also saw missing: every report of the batch is
            // answered with the version now stored, and nothing of the batch is kept.
            await tx.RollbackAsync(CancellationToken.None);
            await using var fresh = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            return new SaveManyResult.Refused(await StoredVersionsAsync(fresh, written.Select(w => (w.Index, w.Report.RegionCode, w.Report.Month)), CancellationToken.None));
        }

        var touchedRegions = written.Select(w => w.Report.RegionCode).Distinct().ToList();
        var touchedMonths = written.Select(w => w.Report.Month).Distinct().ToList();
        // A submission changes no figure that counts: only the pages that show what waits for review need to hear of it.
        await changes.PublishAsync(new DataChange(accepted ? DataChangeKind.Reports : DataChangeKind.Submissions,
            touchedRegions.Count == 1 ? touchedRegions[0] : null, touchedMonths.Count == 1 ? touchedMonths[0] : null));
        return new SaveManyResult.Saved(written
            .Select(w => (w.Index, Report: new SavedReport(w.Report.RegionCode, w.Report.Month, w.Revision.Number, w.Report.Version, w.Revision.State)))
            .Concat(unchanged)
            .OrderBy(r => r.Index)
            .Select(r => r.Report)
            .ToList());
    }

    private static PermitReportRevision NewRevision(PermitReport? report, ReportInput input, string enteredBy, DateTime now, bool accepted) => new()
    {
        Number = report is null || report.Revisions.Count == 0 ? 1 : report.Revisions.Max(r => r.Number) + 1,
        Total = input.Total,
        Employers = input.Employers,
        LocalEmployees = input.LocalEmployees,
        Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
        MismatchReason = string.IsNullOrWhiteSpace(input.MismatchReason) ? null : input.MismatchReason.Trim(),
        EnteredBy = enteredBy,
        EnteredAtUtc = now,
        State = accepted ? RevisionState.Accepted : RevisionState.Submitted,
        DecidedBy = accepted ? enteredBy : null,
        DecidedAtUtc = accepted ? now : null,
        Lines = Lines(Breakdown.Category, input.Categories)
            .Concat(Lines(Breakdown.Sector, input.Sectors))
            .Concat(Lines(Breakdown.Country, input.Countries))
            .ToList(),
    };

    /// <summary>Whether two revisions say the same: every figure, every breakdown line, the comment and the reason.</summary>
    private static bool SameFigures(PermitReportRevision stored, PermitReportRevision candidate)
    {
        static HashSet<(Breakdown, string, int)> Lines(PermitReportRevision revision) =>
            revision.Lines.Where(l => l.Count != 0).Select(l => (l.Dimension, l.Key, l.Count)).ToHashSet();
        return stored.Total == candidate.Total
            && stored.Employers == candidate.Employers
            && stored.LocalEmployees == candidate.LocalEmployees
            && string.Equals(stored.Comment, candidate.Comment, StringComparison.Ordinal)
            && string.Equals(stored.MismatchReason, candidate.MismatchReason, StringComparison.Ordinal)
            && Lines(stored).SetEquals(Lines(candidate));
    }

    /// <summary>Every report of a batch refused after a unique-index violation, with the version now stored (0 where there is none).</summary>
    private static async Task<List<RefusedReport>> StoredVersionsAsync(QuotaDbContext db, IEnumerable<(int Index, string RegionCode, DateOnly Month)> reports, CancellationToken ct)
    {
        var conflicts = new List<RefusedReport>();
        foreach (var (index, region, month) in reports)
        {
            var current = await db.Reports.AsNoTracking().Where(r => r.RegionCode == region && r.Month == month).Select(r => (int?)r.Version).FirstOrDefaultAsync(ct);
            conflicts.Add(new RefusedReport(index, new SaveResult.Conflict(current ?? 0)));
        }
        return conflicts;
    }

    /// <summary>The reports someone else saved or decided on while this batch was being written, with the version they now have.</summary>
    private static async Task<List<RefusedReport>> ConflictsAsync(QuotaDbContext db, Dictionary<PermitReport, int> indexOf, DbUpdateConcurrencyException ex, CancellationToken ct)
    {
        var conflicts = new List<RefusedReport>();
        var reports = ex.Entries.Select(e => e.Entity switch
        {
            PermitReport r => r,
            PermitReportRevision v => indexOf.Keys.FirstOrDefault(r => r.Id == v.ReportId),
            _ => null,
        }).OfType<PermitReport>().Distinct();
        foreach (var report in reports)
        {
            var current = await db.Reports.AsNoTracking().Where(r => r.Id == report.Id).Select(r => r.Version).FirstAsync(ct);
            conflicts.Add(new RefusedReport(indexOf[report], new SaveResult.Conflict(current)));
        }
        return conflicts;
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

    private sealed record ReferenceCodes(IReadOnlySet<string> Regions, IReadOnlySet<string> Categories, IReadOnlySet<string> Sectors);

    private static async Task<List<RefusedReport>> CheckAsync(QuotaDbContext db, IReadOnlyList<Pending> batch, ClaimsPrincipal user, ReportingMonthRange months, CancellationToken ct)
    {
        var codes = new ReferenceCodes(
            (await db.Regions.Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            (await db.Categories.Select(c => c.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            (await db.Sectors.Select(s => s.Letter).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal));
        var refused = new List<RefusedReport>();
        var seen = new HashSet<(string, DateOnly)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (input, _) = batch[i];
            if (!user.CanWriteReports(input.RegionCode))
            {
                refused.Add(new RefusedReport(i, new SaveResult.Forbidden(new Problem(ReportField.Region, ReportProblems.RegionForbidden, input.RegionCode))));
                continue;
            }
            var problems = Validate(input, batch[i].Month, codes, months);
            if (!seen.Add((input.RegionCode, batch[i].Month)))
            {
                problems.Add(new Problem(ReportField.Month, ReportProblems.Duplicate, input.RegionCode, batch[i].Month));
            }
            if (problems.Count > 0)
            {
                refused.Add(new RefusedReport(i, new SaveResult.Invalid(problems)));
            }
        }
        return refused;
    }

    private static List<Problem> Validate(ReportInput input, DateOnly month, ReferenceCodes codes, ReportingMonthRange months)
    {
        var problems = new List<Problem>();
        void Add(string field, string? key, string code, params object?[] args) => problems.Add(new Problem(field, key, code, args));
        if (month > months.Last)
        {
            Add(ReportField.Month, null, ReportProblems.MonthFuture, month);
        }
        else if (month < months.First)
        {
            Add(ReportField.Month, null, ReportProblems.MonthBeforeFirst, month, months.First);
        }
        if (input.Comment?.Length > MaxTextLength)
        {
            Add(ReportField.Comment, null, ReportProblems.TextTooLong, MaxTextLength, input.Comment.Length);
        }
        if (input.MismatchReason?.Length > MaxTextLength)
        {
            Add(ReportField.MismatchReason, null, ReportProblems.TextTooLong, MaxTextLength, input.MismatchReason.Length);
        }
        if (!codes.Regions.Contains(input.RegionCode))
        {
            Add(ReportField.Region, null, ReportProblems.UnknownRegion, input.RegionCode);
        }
        void CheckCount(string field, string? key, int? value)
        {
            if (value is < 0 or > MaxCount)
            {
                Add(field, key, ReportProblems.CountOutOfRange, MaxCount, value);
            }
        }
        CheckCount(ReportField.Total, null, input.Total);
        CheckCount(ReportField.Employers, null, input.Employers);
        CheckCount(ReportField.LocalEmployees, null, input.LocalEmployees);
        foreach (var (key, value) in input.Categories)
        {
            if (!codes.Categories.Contains(key)) Add(ReportField.Categories, key, ReportProblems.UnknownCategory, key);
            CheckCount(ReportField.Categories, key, value);
        }
        foreach (var (key, value) in input.Sectors)
        {
            if (!codes.Sectors.Contains(key)) Add(ReportField.Sectors, key, ReportProblems.UnknownSector, key);
            CheckCount(ReportField.Sectors, key, value);
        }
        foreach (var (key, value) in input.Countries)
        {
            if (key != Names.OtherKey && !Names.IsCountryCode(key)) Add(ReportField.Countries, key, ReportProblems.UnknownCountry, key);
            CheckCount(ReportField.Countries, key, value);
        }
        // A breakdown may disagree with the total, as real releases do, but only when someone says why.
        if (string.IsNullOrWhiteSpace(input.MismatchReason))
        {
            foreach (var (field, counts) in new[] { (ReportField.Categories, input.Categories), (ReportField.Sectors, input.Sectors), (ReportField.Countries, input.Countries) })
            {
                var sum = counts.Values.Sum(v => (long)v);
                if (counts.Count > 0 && sum != input.Total)
                {
                    Add(field, null, ReportProblems.SumMismatch(field), sum, input.Total);
                }
            }
        }
        return problems;
    }
}

/// <summary>
/// The codes of the problems a report, a bulk-entry file or its upload can have; each is worded by the resource <c>problem.{code}</c>
/// with the arguments named beside it.
/// </summary>
public static class ReportProblems
{
    /// <summary>{0} region code.</summary>
    public const string RegionForbidden = "report.region.forbidden";
    /// <summary>{0} region code, {1} month.</summary>
    public const string Duplicate = "report.duplicate";
    /// <summary>{0} month.</summary>
    public const string MonthFuture = "report.month.future";
    /// <summary>{0} month, {1} earliest month.</summary>
    public const string MonthBeforeFirst = "report.month.before-first";
    /// <summary>{0} the limit, {1} the length.</summary>
    public const string TextTooLong = "text.too-long";
    /// <summary>{0} region code.</summary>
    public const string UnknownRegion = "report.region.unknown";
    /// <summary>{0} the largest count, {1} the count.</summary>
    public const string CountOutOfRange = "report.count.out-of-range";
    /// <summary>{0} key.</summary>
    public const string UnknownCategory = "report.category.unknown";
    /// <summary>{0} key.</summary>
    public const string UnknownSector = "report.sector.unknown";
    /// <summary>{0} key.</summary>
    public const string UnknownCountry = "report.country.unknown";
    /// <summary>{0} the sum, {1} the total.</summary>
    public const string CategoriesSumMismatch = "report.categories.sum-mismatch";
    /// <summary>{0} the sum, {1} the total.</summary>
    public const string SectorsSumMismatch = "report.sectors.sum-mismatch";
    /// <summary>{0} the sum, {1} the total.</summary>
    public const string CountriesSumMismatch = "report.countries.sum-mismatch";
    /// <summary>The code of a breakdown that does not add up to the total.</summary>
    public static string SumMismatch(string field) => field switch
    {
        ReportField.Categories => CategoriesSumMismatch,
        ReportField.Sectors => SectorsSumMismatch,
        _ => CountriesSumMismatch,
    };
    /// <summary>API tokens enter no reports.</summary>
    public const string TemplateToken = "csv.template.token";
    /// <summary>No arguments.</summary>
    public const string Conflict = "report.conflict.upload";

    /// <summary>The file is empty.</summary>
    public const string FileEmpty = "csv.file.empty";
    /// <summary>{0} megabytes (or null when the size is not known), {1} the limit in megabytes.</summary>
    public const string FileTooLarge = "csv.file.too-large";
    /// <summary>{0} the limit in megabytes.</summary>
    public const string FileTooLargeUnknown = "csv.file.too-large-unknown";
    public const string FileUtf16 = "csv.file.utf16";
    public const string FilePng = "csv.file.png";
    public const string FileJpeg = "csv.file.jpeg";
    public const string FileGif = "csv.file.gif";
    public const string FilePdf = "csv.file.pdf";
    public const string FileZip = "csv.file.zip";
    public const string FileXls = "csv.file.xls";
    public const string FileBinary = "csv.file.binary";
    public const string FileNotUtf8 = "csv.file.not-utf8";
    public const string FileHtml = "csv.file.html";
    public const string FileNoRows = "csv.file.no-rows";
    /// <summary>{0} the template's header.</summary>
    public const string HeaderSemicolons = "csv.header.semicolons";
    /// <summary>{0} the template's header.</summary>
    public const string HeaderNotTemplate = "csv.header.not-template";
    /// <summary>{0} the template's header.</summary>
    public const string HeaderWanted = "csv.header.wanted";
    public const string ColumnNoName = "csv.column.no-name";
    /// <summary>{0} column.</summary>
    public const string ColumnUnknown = "csv.column.unknown";
    /// <summary>{0} column.</summary>
    public const string ColumnTwice = "csv.column.twice";
    /// <summary>{0} column.</summary>
    public const string ColumnMissing = "csv.column.missing";
    public const string QuotesStray = "csv.row.quotes.stray";
    public const string QuotesAfterClosing = "csv.row.quotes.after-closing";
    public const string QuotesUnterminated = "csv.row.quotes.unterminated";
    public const string QuotesLineBreak = "csv.row.quotes.line-break";
    public const string QuotesBroken = "csv.row.quotes.broken";
    /// <summary>{0} the row's cells, {1} the header's.</summary>
    public const string CellCount = "csv.row.cell-count";
    public const string RegionMissing = "csv.region.missing";
    public const string MonthMissing = "csv.month.missing";
    /// <summary>{0} the cell.</summary>
    public const string MonthUnreadable = "csv.month.unreadable";
    public const string TotalMissing = "csv.total.missing";
    /// <summary>{0} the entry.</summary>
    public const string CountryPair = "csv.countries.pair";
    /// <summary>{0} the country code.</summary>
    public const string CountryTwice = "csv.countries.twice";
    /// <summary>{0} the cell.</summary>
    public const string NotANumber = "csv.count.not-a-number";
    /// <summary>{0} the cell.</summary>
    public const string NotWhole = "csv.count.not-whole";
    /// <summary>{0} the cell, {1} the largest count.</summary>
    public const string OutOfRange = "csv.count.out-of-range";
}
