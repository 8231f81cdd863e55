using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;

namespace QuotaDashboard.Features.Releases;

/// <summary>
/// One published figure as an analyst enters it: <paramref name="Key"/> is empty for the figures that stand alone. The note is entered in
/// English with its Russian and Kazakh where known; a correction that leaves a translation blank while the English note is unchanged keeps
/// the corrected version's.
/// </summary>
public sealed record ReleaseFigureInput(FigureKind Figure, string Key, decimal Value, string Sources, string? Note = null, string? NoteRu = null, string? NoteKk = null);

/// <summary>A release as an analyst enters it. <paramref name="AsOf"/> is the first day of the month it describes.</summary>
public sealed record ReleaseInput(
    DateOnly AsOf,
    DatePrecision Precision,
    DateOnly? PublishedOn,
    IReadOnlyList<ReleaseFigureInput> Figures,
    string? Comment = null);

public abstract record ReleaseSaveResult
{
    public sealed record Saved(DateOnly AsOf, int Version) : ReleaseSaveResult;

    public sealed record Invalid(IReadOnlyList<Problem> Problems) : ReleaseSaveResult;

    /// <summary>Someone saved a version of this release after the screen loaded it; nothing was written.</summary>
    public sealed record Conflict(int CurrentVersion) : ReleaseSaveResult;

    public sealed record Forbidden : ReleaseSaveResult;
}

/// <summary>The fields of a release that a <see cref="Problem"/> can be about; a figure's problems name the figure.</summary>
public static class ReleaseField
{
    public const string AsOf = "as_of";
    public const string PublishedOn = "published_on";
    public const string Figures = "figures";
    public const string Comment = "comment";
}

/// <summary>Adds releases and corrects them as new versions, each in one transaction with its audit entry, then tells every open dashboard.</summary>
public sealed class ReleaseCommands(IDbContextFactory<QuotaDbContext> dbFactory, ReportingMonths reportingMonths, DashboardCache changes, TimeProvider clock)
{
    public const int MaxTextLength = 2000;

    /// <summary>A release for a month that has none; a second release for the same month must be a correction of the first.</summary>
    public Task<ReleaseSaveResult> AddAsync(ReleaseInput input, ClaimsPrincipal user, CancellationToken ct = default) =>
        SaveAsync(input, null, user, ct);

    /// <summary>A new version of the month's release; the version the analyst corrected must still be the current one.</summary>
    public Task<ReleaseSaveResult> CorrectAsync(ReleaseInput input, int correctedVersion, ClaimsPrincipal user, CancellationToken ct = default) =>
        SaveAsync(input, correctedVersion, user, ct);

    private async Task<ReleaseSaveResult> SaveAsync(ReleaseInput input, int? correctedVersion, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.CanEditRecord())
        {
            return new ReleaseSaveResult.Forbidden();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problems = await ValidateAsync(db, input, ct);
        if (problems.Count > 0)
        {
            return new ReleaseSaveResult.Invalid(problems);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await db.Releases.Include(r => r.Figures).FirstOrDefaultAsync(r => r.AsOf == input.AsOf, ct);
        if (correctedVersion is null && current is not null)
        {
            return new ReleaseSaveResult.Invalid([new Problem(ReleaseField.AsOf, "release.exists", input.AsOf, current.Version)]);
        }
        if (correctedVersion is { } corrected && (current is null || current.Version != corrected))
        {
            return current is null
                ? new ReleaseSaveResult.Invalid([new Problem(ReleaseField.AsOf, "release.missing", input.AsOf)])
                : new ReleaseSaveResult.Conflict(current.Version);
        }
        var figures = input.Figures;
        if (current is not null)
        {
            if (StaleTranslations(figures, current) is { Count: > 0 } stale)
            {
                return new ReleaseSaveResult.Invalid(stale);
            }
            figures = CarryTranslations(figures, current);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lastVersion = await db.Releases.IgnoreQueryFilters().Where(r => r.AsOf == input.AsOf).MaxAsync(r => (int?)r.Version, ct) ?? 0;
        var release = new PublishedRelease
        {
            AsOf = input.AsOf,
            AsOfPrecision = input.Precision,
            PublishedOn = input.PublishedOn,
            Version = lastVersion + 1,
            EnteredBy = user.Who(),
            EnteredAtUtc = now,
            Comment = Clean(input.Comment),
            Figures = figures.Select(f => new PublishedFigure
            {
                Figure = f.Figure, Key = f.Key, Value = f.Value, Sources = f.Sources.Trim(), Note = Clean(f.Note),
                NoteRu = Clean(f.Note) is null ? null : Clean(f.NoteRu),
                NoteKk = Clean(f.Note) is null ? null : Clean(f.NoteKk),
            }).ToList(),
        };
        try
        {
            if (current is not null)
            {
                // The old version must leave the "current" index before the new one enters it.
                current.IsCurrent = false;
                await db.SaveChangesAsync(ct);
            }
            db.Releases.Add(release);
            AuditLog.Record(db, user.Who(), current is null ? "release.add" : "release.correct", $"release {input.AsOf:yyyy-MM}",
                current is null ? null : Snapshot(current), Snapshot(release), now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another analyst stored a version of the same month in the meantime: the unique indexes refused this one.
            await tx.RollbackAsync(CancellationToken.None);
            await using var fresh = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            return new ReleaseSaveResult.Conflict(await fresh.Releases.Where(r => r.AsOf == input.AsOf).Select(r => r.Version).FirstOrDefaultAsync(CancellationToken.None));
        }

        await changes.PublishAsync(new DataChange(DataChangeKind.Releases, null, input.AsOf));
        return new ReleaseSaveResult.Saved(release.AsOf, release.Version);
    }

    /// <summary>
    /// A note's translation left blank while the figure's English note stayed as it was is the corrected version's: a correction of a value
    /// loses nothing the record held in Russian or Kazakh. Where the English note changed, a blank stays blank.
    /// </summary>
    private static IReadOnlyList<ReleaseFigureInput> CarryTranslations(IReadOnlyList<ReleaseFigureInput> figures, PublishedRelease corrected)
    {
        var earlier = corrected.Figures.ToDictionary(f => (f.Figure, f.Key));
        return figures.Select(f =>
            earlier.TryGetValue((f.Figure, f.Key), out var was) && Clean(f.Note) is { } note && note == was.Note
                ? f with
                {
                    NoteRu = string.IsNullOrWhiteSpace(f.NoteRu) ? was.NoteRu : f.NoteRu,
                    NoteKk = string.IsNullOrWhiteSpace(f.NoteKk) ? was.NoteKk : f.NoteKk,
                }
                : f).ToList();
    }

    /// <summary>A translation handed back unchanged beside an English note that changed no longer says what the note says: it is to be given again.</summary>
    private static List<Problem> StaleTranslations(IReadOnlyList<ReleaseFigureInput> figures, PublishedRelease corrected)
    {
        var earlier = corrected.Figures.ToDictionary(f => (f.Figure, f.Key));
        var problems = new List<Problem>();
        foreach (var figure in figures)
        {
            if (!earlier.TryGetValue((figure.Figure, figure.Key), out var was) || Clean(figure.Note) == was.Note)
            {
                continue;
            }
            if (Clean(figure.NoteRu) is { } ru && ru == was.NoteRu || Clean(figure.NoteKk) is { } kk && kk == was.NoteKk)
            {
                problems.Add(Problem.For(FigureNames.Name(figure.Figure), figure.Key, "translation.stale"));
            }
        }
        return problems;
    }

    /// <summary>What a version says, as the audit log keeps it.</summary>
    public static object Snapshot(PublishedRelease release) => new
    {
        AsOf = release.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Precision = release.AsOfPrecision.ToString().ToLowerInvariant(),
        release.PublishedOn,
        release.Version,
        release.Comment,
        Figures = release.Figures.Select(f => new { Figure = FigureNames.Name(f.Figure), f.Key, f.Value, f.Sources, f.Note, f.NoteRu, f.NoteKk }).ToList(),
    };

    /// <summary>Everything that makes a release impossible to store. Disagreements between its figures are not among them: the record has those.</summary>
    private async Task<List<Problem>> ValidateAsync(QuotaDbContext db, ReleaseInput input, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var months = await reportingMonths.GetAsync(db, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.AsOf.Day != 1)
        {
            problems.Add(new Problem(ReleaseField.AsOf, "release.as-of.first-day", input.AsOf));
        }
        else if (input.AsOf > months.Last)
        {
            problems.Add(new Problem(ReleaseField.AsOf, "release.as-of.future", input.AsOf));
        }
        else if (input.AsOf < months.First)
        {
            problems.Add(new Problem(ReleaseField.AsOf, "release.as-of.before-record", input.AsOf, months.First));
        }
        if (input.PublishedOn is { } published)
        {
            if (published > today)
            {
                problems.Add(new Problem(ReleaseField.PublishedOn, "release.published-on.future", published));
            }
            else if (published < input.AsOf)
            {
                problems.Add(new Problem(ReleaseField.PublishedOn, "release.published-on.before-as-of", published, input.AsOf));
            }
        }
        if (input.Comment?.Length > MaxTextLength)
        {
            problems.Add(new Problem(ReleaseField.Comment, "text.too-long", MaxTextLength, input.Comment.Length));
        }
        if (input.Figures.Count == 0)
        {
            problems.Add(new Problem(ReleaseField.Figures, "release.figures.none"));
        }

        var categories = (await db.Categories.Select(c => c.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var sectors = (await db.Sectors.Select(s => s.Letter).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(FigureKind, string)>();
        foreach (var figure in input.Figures)
        {
            var field = FigureNames.Name(figure.Figure);
            void Add(string code, params object?[] args) => problems.Add(Problem.For(field, figure.Key, code, args));
            var knownKey = figure.Figure switch
            {
                FigureKind.Category => categories.Contains(figure.Key),
                FigureKind.Sector => sectors.Contains(figure.Key),
                FigureKind.Country => Names.IsCountryCode(figure.Key),
                _ => figure.Key.Length == 0,
            };
            if (!knownKey)
            {
                Add(figure.Figure switch
                {
                    FigureKind.Category => "figure.unknown-category",
                    FigureKind.Sector => "figure.unknown-sector",
                    FigureKind.Country => "figure.unknown-country",
                    _ => "figure.unexpected-key",
                }, figure.Key);
            }
            if (!seen.Add((figure.Figure, figure.Key)))
            {
                Add("figure.duplicate");
            }
            if (figure.Value < 0)
            {
                Add("figure.negative", figure.Value);
            }
            else if (figure.Figure == FigureKind.LocalSharePct ? figure.Value > 100 : figure.Value != decimal.Truncate(figure.Value) || figure.Value > int.MaxValue)
            {
                Add(figure.Figure == FigureKind.LocalSharePct ? "figure.share-above-100" : "figure.not-whole", figure.Value);
            }
            if (string.IsNullOrWhiteSpace(figure.Sources))
            {
                Add("figure.no-source");
            }
            else if (figure.Sources.Length > MaxTextLength)
            {
                Add("text.too-long", MaxTextLength, figure.Sources.Length);
            }
            foreach (var note in new[] { figure.Note, figure.NoteRu, figure.NoteKk })
            {
                if (note?.Length > MaxTextLength)
                {
                    Add("text.too-long", MaxTextLength, note.Length);
                }
            }
        }
        return problems;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
