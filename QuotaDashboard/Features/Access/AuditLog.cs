using System.Text.Json;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Access;

/// <summary>Adds an audit entry to the same unit of work as the write it describes, so both commit or neither.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Record(QuotaDbContext db, string user, string action, string subject, object? before, object? after, DateTime atUtc) =>
        db.Audit.Add(new AuditEntry
        {
            AtUtc = atUtc,
            User = user,
            Action = action,
            Subject = subject,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
