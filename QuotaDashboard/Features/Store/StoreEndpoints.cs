using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Store;

/// <summary>The administrator's download of a backup, and the <c>backup</c>/<c>restore</c> commands of the command line.</summary>
public static class StoreEndpoints
{
    public const string DownloadPath = "/admin/backup/download";
    public const string BackupCommand = "backup";
    public const string RestoreCommand = "restore";
    public const string BackupAction = "store.backup";

    public static bool MayBackUp(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) && !user.IsApiToken();

    public static IEndpointRouteBuilder MapStoreBackup(this IEndpointRouteBuilder app)
    {
        app.MapGet(DownloadPath, async (HttpContext http, StoreBackup backup, IDbContextFactory<QuotaDbContext> factory, TimeProvider clock,
            IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (!http.User.MayBackUp())
            {
                // The copy holds every account's password hash: a token never gets it, whatever its role.
                return http.User.IsApiToken() ? ProblemResults.Forbidden(text, new Problem("token", StoreProblems.Forbidden)) : Results.Forbid();
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var file = Path.Combine(Path.GetTempPath(), $"quota-dashboard-backup-{Guid.NewGuid():N}.db");
            switch (await backup.BackupToAsync(file, ct))
            {
                case BackupResult.Refused refused:
                    return ProblemResults.Of(text, StatusCodes.Status409Conflict, text["Backup"], [refused.Problem]);
                case BackupResult.Written written:
                    var name = $"quota-dashboard-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db";
                    await using (var db = await factory.CreateDbContextAsync(ct))
                    {
                        AuditLog.Record(db, http.User.Who(), BackupAction, "store", null, new { file = name, bytes = written.Bytes }, now);
                        await db.SaveChangesAsync(ct);
                    }
                    var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                        FileOptions.Asynchronous | FileOptions.DeleteOnClose);
                    return Results.File(stream, "application/vnd.sqlite3", name);
                default:
                    throw new InvalidOperationException("A backup either is written or refused.");
            }
        }).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// Runs <c>backup &lt;file&gt;</c> or <c>restore &lt;file&gt;</c> when the command line asks for one, and says whether it did; the
    /// app is then not started. Messages come in the language of the machine's culture, where the product has it.
    /// </summary>
    public static async Task<bool> RunStoreCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not [BackupCommand or RestoreCommand, ..])
        {
            return false;
        }
        var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (args is not [var command, var file] || file.StartsWith('-'))
        {
            Console.Error.WriteLine(text["Usage: dotnet run --project QuotaDashboard -- backup <file> (or restore <file>, with the app stopped)"]);
            Environment.ExitCode = 2;
            return true;
        }
        var path = Path.GetFullPath(file);
        var backup = app.Services.GetRequiredService<StoreBackup>();
        var result = command == BackupCommand ? await backup.BackupToAsync(path) : await backup.RestoreFromAsync(path);
        switch (result)
        {
            case BackupResult.Written written when command == BackupCommand:
                Console.WriteLine(string.Format(CultureInfo.CurrentCulture, text["The store was backed up to {0} ({1:N0} bytes)."], written.File, written.Bytes));
                break;
            case BackupResult.Written written:
                Console.WriteLine(string.Format(CultureInfo.CurrentCulture, text["The store was restored from {0}."], written.File));
                break;
            case BackupResult.Refused refused:
                Console.Error.WriteLine(text.Describe(refused.Problem));
                Environment.ExitCode = 1;
                break;
        }
        return true;
    }
}
