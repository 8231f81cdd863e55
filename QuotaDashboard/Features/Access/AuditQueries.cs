using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Access;

/// <summary>Which entries to show: a part of the user's name, one action, and days (UTC) from and to, each optional.</summary>
public sealed record AuditFilter(string? User = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One audit entry; <see cref="Before"/> and <see cref="After"/> are indented JSON, to be shown as text.</summary>
public sealed record AuditEntryView(long Id, DateTime AtUtc, string User, string Action, string Subject, string? Before, string? After);

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, int Total);

/// <summary>Reads the audit log, newest first, a page at a time, for those allowed to see it.</summary>
public sealed class AuditQueries(IDbContextFactory<QuotaDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    // Razor shows these strings as text, so relaxed escaping only makes Cyrillic and angle brackets readable, never live.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="page">Zero-based.</param>
    public async Task<AuditPage> GetPageAsync(AuditFilter filter, int page, int pageSize, ClaimsPrincipal viewer, CancellationToken ct = default)
    {
        Demand(viewer);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Audit.AsNoTracking();
        if (filter.User?.Trim().ToLowerInvariant() is { Length: > 0 } user)
        {
            query = query.Where(a => a.User.ToLower().Contains(user));
        }
        if (!string.IsNullOrEmpty(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(a => new AuditEntryView(a.Id, a.AtUtc, a.User, a.Action, a.Subject, a.Before, a.After))
            .ToListAsync(ct);
        return new AuditPage(rows.Select(r => r with { Before = Pretty(r.Before), After = Pretty(r.After) }).ToList(), total);
    }

    /// <summary>The actions that occur in the log, for the filter.</summary>
    public async Task<IReadOnlyList<string>> GetActionsAsync(ClaimsPrincipal viewer, CancellationToken ct = default)
    {
        Demand(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Audit.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    internal static string? Pretty(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static void Demand(ClaimsPrincipal viewer)
    {
        if (viewer.Identity?.IsAuthenticated != true || !viewer.CanSeeAudit())
        {
            throw new UnauthorizedAccessException("Only administrators and analysts read the audit log.");
        }
    }
}
