using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Reports;

/// <summary>
/// A report stored from a row of an uploaded file, in <paramref name="State"/> (an officer's rows are submitted for review) or, when
/// <paramref name="Unchanged"/>, left as it was because the row repeats the revision it would follow.
/// </summary>
public sealed record UploadedReport(int Row, string RegionCode, DateOnly Month, int Total, int RevisionNumber, string? Comment, RevisionState State, bool Unchanged = false);

public abstract record UploadResult
{
    public sealed record Stored(IReadOnlyList<UploadedReport> Reports) : UploadResult;

    /// <summary>The file had problems, so nothing of it was stored.</summary>
    public sealed record Refused(IReadOnlyList<Problem> Problems) : UploadResult;
}

/// <summary>Bulk entry from a CSV file: the template to fill in, and an upload that stores every row or none.</summary>
public sealed class ReportUploads(IDbContextFactory<QuotaDbContext> dbFactory, ReportCommands commands, TimeProvider clock)
{
    public const string TemplateFileName = "report-template.csv";

    /// <summary>The template for this user: an officer's example row is their own region this month.</summary>
    public async Task<byte[]> TemplateAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var region = user.IsOfficer() && user.RegionCode() is { } own
            ? own
            : await db.Regions.OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (await FormatAsync(db, ct)).Template(region, new DateOnly(today.Year, today.Month, 1));
    }

    /// <summary>
    /// Reads the whole file and stores all of its reports in one transaction, or, if any row has a problem, none.
    /// A row that repeats the revision it would follow is named as unchanged and not stored again.
    /// </summary>
    public async Task<UploadResult> UploadAsync(Stream file, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await ReadAtMostAsync(file, ReportCsv.MaxFileBytes, ct) is not { } bytes)
        {
            return new UploadResult.Refused([ReportCsv.TooLarge(file.CanSeek ? file.Length : null)]);
        }
        ReportCsv format;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            format = await FormatAsync(db, ct);
        }
        var read = format.Read(bytes);
        var inputs = read.Rows.Select(r => r.Input).ToList();
        var problems = read.Problems.Concat(Problems(format, read.Rows, await commands.CheckManyAsync(inputs, user, ct))).ToList();
        if (problems.Count > 0)
        {
            return new UploadResult.Refused(format.InFileOrder(problems));
        }
        return await commands.SaveManyAsync(inputs, user, ct) switch
        {
            SaveManyResult.Saved saved => new UploadResult.Stored(read.Rows.Zip(saved.Reports, (row, report) =>
                new UploadedReport(row.Row, report.RegionCode, report.Month, row.Input.Total, report.RevisionNumber, row.Input.Comment, report.State, report.Unchanged)).ToList()),
            SaveManyResult.Refused refused => new UploadResult.Refused(format.InFileOrder(Problems(format, read.Rows, refused.Reports))),
            _ => throw new InvalidOperationException("Unknown save result."),
        };
    }

    private static async Task<ReportCsv> FormatAsync(QuotaDbContext db, CancellationToken ct) => new(
        await db.Categories.OrderBy(c => c.Order).Select(c => c.Key).ToListAsync(ct),
        await db.Sectors.OrderBy(s => s.Letter).Select(s => s.Letter).ToListAsync(ct));

    /// <summary>The refused reports as problems of their rows, less those that follow from a cell that could not be read and was already reported.</summary>
    private static IEnumerable<Problem> Problems(ReportCsv format, IReadOnlyList<ReportCsvRow> rows, IReadOnlyList<RefusedReport> refused) =>
        refused.SelectMany(r =>
        {
            var row = rows[r.Index];
            IEnumerable<Problem> problems = r.Reason switch
            {
                SaveResult.Invalid invalid => invalid.Problems,
                SaveResult.Forbidden forbidden => [forbidden.Problem],
                SaveResult.Conflict => [new Problem(ReportField.Region, ReportProblems.Conflict)],
                _ => [],
            };
            return problems
                .Where(p => p.Key is not null || !row.Unreadable.Contains(p.Field))
                .Select(p => p.At(row.Row, format.Column(p)));
        });

    /// <summary>The bytes of the stream, or null as soon as it proves longer than <paramref name="limit"/>: a huge upload is never held whole.</summary>
    internal static async Task<byte[]?> ReadAtMostAsync(Stream stream, long limit, CancellationToken ct)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
