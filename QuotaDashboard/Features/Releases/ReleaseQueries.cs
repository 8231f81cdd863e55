using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Releases;

/// <summary>One version of a release in the list: how many figures it gives and where they come from.</summary>
public sealed record ReleaseSummary(
    DateOnly AsOf,
    DatePrecision Precision,
    DateOnly? PublishedOn,
    int Version,
    bool IsCurrent,
    int FigureCount,
    IReadOnlyList<string> Sources,
    string EnteredBy,
    DateTime EnteredAtUtc,
    string? Comment);

/// <summary>A figure as stored: its note as entered in English and, where the record has them, in Russian and Kazakh.</summary>
public sealed record ReleaseFigureView(FigureKind Figure, string Key, decimal Value, string Sources, string? Note, string? NoteRu = null, string? NoteKk = null)
{
    /// <summary>The note in the reader's language where a translation exists.</summary>
    public Wording? NoteWording => Note is null ? null : new Wording(Note, NoteRu, NoteKk);
}

public sealed record ReleaseVersionView(ReleaseSummary Summary, IReadOnlyList<ReleaseFigureView> Figures);

/// <summary>The published record for the analysts who keep it: every release with all its versions.</summary>
public sealed class ReleaseQueries(IDbContextFactory<QuotaDbContext> dbFactory)
{
    /// <summary>Every version of every release, newest month first, the current version of a month before its earlier ones.</summary>
    public async Task<IReadOnlyList<ReleaseSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandEditRecord();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var releases = await db.Releases.IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Version)
            .Select(r => new { r.Id, r.AsOf, r.AsOfPrecision, r.PublishedOn, r.Version, r.IsCurrent, r.EnteredBy, r.EnteredAtUtc, r.Comment, Count = r.Figures.Count })
            .ToListAsync(ct);
        var sources = (await db.PublishedFigures.IgnoreQueryFilters().AsNoTracking()
                .Select(f => new { f.ReleaseId, f.Sources }).Distinct().ToListAsync(ct))
            .ToLookup(f => f.ReleaseId, f => f.Sources);
        return releases.Select(r => new ReleaseSummary(r.AsOf, r.AsOfPrecision, r.PublishedOn, r.Version, r.IsCurrent, r.Count,
            SplitSources(sources[r.Id]), r.EnteredBy, r.EnteredAtUtc, r.Comment)).ToList();
    }

    /// <summary>Every version of one month's release, newest first, with its figures.</summary>
    public async Task<IReadOnlyList<ReleaseVersionView>> GetVersionsAsync(DateOnly asOf, ClaimsPrincipal user, CancellationToken ct = default)
    {
        user.DemandEditRecord();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.Releases.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AsOf == asOf)
            .Include(r => r.Figures)
            .OrderByDescending(r => r.Version)
            .ToListAsync(ct);
        return versions.Select(r => new ReleaseVersionView(
            new ReleaseSummary(r.AsOf, r.AsOfPrecision, r.PublishedOn, r.Version, r.IsCurrent, r.Figures.Count,
                SplitSources(r.Figures.Select(f => f.Sources)), r.EnteredBy, r.EnteredAtUtc, r.Comment),
            r.Figures.OrderBy(f => f.Figure).ThenByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new ReleaseFigureView(f.Figure, f.Key, f.Value, f.Sources, f.Note, f.NoteRu, f.NoteKk)).ToList())).ToList();
    }

    /// <summary>The current version as the input that would save it again: what a correction starts from.</summary>
    public async Task<(ReleaseInput Input, int Version)?> GetCurrentInputAsync(DateOnly asOf, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var current = (await GetVersionsAsync(asOf, user, ct)).FirstOrDefault(v => v.Summary.IsCurrent);
        return current is null
            ? null
            : (new ReleaseInput(current.Summary.AsOf, current.Summary.Precision, current.Summary.PublishedOn,
                current.Figures.Select(f => new ReleaseFigureInput(f.Figure, f.Key, f.Value, f.Sources, f.Note, f.NoteRu, f.NoteKk)).ToList()), current.Summary.Version);
    }

    private static IReadOnlyList<string> SplitSources(IEnumerable<string> sources) => sources.Distinct(StringComparer.Ordinal).ToList();
}
