using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Live;

namespace QuotaDashboard.Features.Quota;

/// <summary>
/// One cell of the grid as the analyst left it: <paramref name="Units"/> as typed (empty: nothing entered), <paramref name="Shown"/>
/// the allocation the screen showed when it loaded. A cell whose text says what was shown is unchanged.
/// </summary>
public sealed record AllocationCellInput(string RegionCode, string? Units, int? Shown);

/// <summary>The grid of one year, for one revision or (<paramref name="RevisionSequence"/> null) the whole year; <paramref name="Source"/> goes with every changed cell.</summary>
public sealed record AllocationGridInput(int Year, int? RevisionSequence, IReadOnlyList<AllocationCellInput> Cells, string? Source = null);

public abstract record AllocationSaveResult
{
    /// <summary><paramref name="Changed"/> cells were stored; none means nothing changed and nothing was written.</summary>
    public sealed record Saved(int Changed) : AllocationSaveResult;

    public sealed record Invalid(IReadOnlyList<Problem> Problems) : AllocationSaveResult;

    /// <summary>Someone changed these regions after the screen loaded; nothing was written.</summary>
    public sealed record Conflict(IReadOnlyList<string> Regions) : AllocationSaveResult;

    public sealed record Forbidden : AllocationSaveResult;
}

public static class AllocationField
{
    public const string Year = "year";
    public const string Revision = "revision";
    public const string Units = "units";
    public const string Source = "source";
}

/// <summary>Saves the allocation grid as one write: each changed cell a new current row, the one it replaces kept; then tells every open dashboard.</summary>
public sealed class AllocationCommands(IDbContextFactory<QuotaDbContext> dbFactory, DashboardCache changes, TimeProvider clock)
{
    public const int MaxSourceLength = 500;

    public async Task<AllocationSaveResult> SaveAsync(AllocationGridInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.CanEditRecord())
        {
            return new AllocationSaveResult.Forbidden();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (problems, values) = await ValidateAsync(db, input, ct);
        if (problems.Count > 0)
        {
            return new AllocationSaveResult.Invalid(problems);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var grid = await AllocationQueries.GridAsync(db, input.Year, input.RevisionSequence, ct);
        var stored = grid.Cells.ToDictionary(c => c.RegionCode, c => c.Units);
        var changed = input.Cells.Where(c => values[c.RegionCode] is { } units && units != c.Shown).ToList();
        var conflicts = changed.Where(c => stored[c.RegionCode] != c.Shown && stored[c.RegionCode] != values[c.RegionCode]).Select(c => c.RegionCode).ToList();
        if (conflicts.Count > 0)
        {
            return new AllocationSaveResult.Conflict(conflicts);
        }
        changed = changed.Where(c => stored[c.RegionCode] != values[c.RegionCode]).ToList();
        if (changed.Count == 0)
        {
            return new AllocationSaveResult.Saved(0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var codes = changed.Select(c => c.RegionCode).ToList();
        var replaced = await db.Allocations
            .Where(a => a.Year == input.Year && a.RevisionSequence == input.RevisionSequence && codes.Contains(a.RegionCode))
            .ToListAsync(ct);
        foreach (var row in replaced)
        {
            row.IsCurrent = false;
        }
        var source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        db.Allocations.AddRange(changed.Select(c => new RegionalAllocation
        {
            Year = input.Year,
            RevisionSequence = input.RevisionSequence,
            RegionCode = c.RegionCode,
            Units = values[c.RegionCode]!.Value,
            Source = source,
            EnteredBy = user.Who(),
            EnteredAtUtc = now,
        }));
        AuditLog.Record(db, user.Who(), "allocation.save",
            input.RevisionSequence is { } r ? $"allocations {input.Year} revision {r}" : $"allocations {input.Year}",
            codes.Select(code => new { Region = code, Units = stored[code] }).ToList(),
            codes.Select(code => new { Region = code, Units = values[code], Source = source }).ToList(), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        await changes.PublishAsync(new DataChange(DataChangeKind.Quota, codes.Count == 1 ? codes[0] : null, null));
        return new AllocationSaveResult.Saved(changed.Count);
    }

    /// <summary>
    /// A cell's text as a count of permits: empty is nothing entered; digits may be grouped with spaces, as the screens print them in
    /// every language; anything else is a problem code.
    /// </summary>
    public static (int? Units, string? Problem) ParseUnits(string? typed)
    {
        var text = string.Concat((typed ?? "").Where(ch => !char.IsWhiteSpace(ch)));
        if (text.Length == 0)
        {
            return (null, null);
        }
        var negative = text.StartsWith('-') || text.StartsWith('\u2212');
        var digits = negative ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var units))
        {
            return (null, "allocation.not-a-number");
        }
        return negative && units != 0 ? (null, "allocation.negative") : (units, null);
    }

    /// <summary>The problems of a grid, and each known region's units as typed (null: nothing entered).</summary>
    private static async Task<(List<Problem> Problems, Dictionary<string, int?> Values)> ValidateAsync(QuotaDbContext db, AllocationGridInput input, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var values = new Dictionary<string, int?>(StringComparer.Ordinal);
        if (!QuotaRules.IsYear(input.Year))
        {
            problems.Add(new Problem(AllocationField.Year, "quota.year.invalid", input.Year));
            return (problems, values);
        }
        var sequences = await db.QuotaRevisions.Where(q => q.Year == input.Year).Select(q => q.Sequence).ToListAsync(ct);
        if (sequences.Count == 0)
        {
            problems.Add(new Problem(AllocationField.Year, "allocation.year.no-quota", input.Year));
        }
        else if (input.RevisionSequence is { } sequence && !sequences.Contains(sequence))
        {
            problems.Add(new Problem(AllocationField.Revision, "allocation.revision.unknown", input.Year, sequence));
        }
        if (input.Source?.Length > MaxSourceLength)
        {
            problems.Add(new Problem(AllocationField.Source, "text.too-long", MaxSourceLength, input.Source.Length));
        }
        var regions = (await db.Regions.Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var cell in input.Cells)
        {
            void Add(string code, params object?[] args) => problems.Add(Problem.For(AllocationField.Units, cell.RegionCode, code, args));
            if (!regions.Contains(cell.RegionCode))
            {
                Add("allocation.unknown-region", cell.RegionCode);
                continue;
            }
            if (!values.TryAdd(cell.RegionCode, null))
            {
                Add("allocation.duplicate", cell.RegionCode);
                continue;
            }
            switch (ParseUnits(cell.Units))
            {
                case { Problem: { } code }:
                    Add(code, cell.Units);
                    break;
                case { Units: { } units }:
                    values[cell.RegionCode] = units;
                    break;
            }
        }
        return (problems, values);
    }
}
