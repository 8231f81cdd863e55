using System.Security.Claims;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Api;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;

namespace QuotaDashboard.Features.Export;

public static class ExportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary><c>GET /api/export/{chart}.csv|.xlsx</c> and <c>/api/export/dashboard.xlsx</c>, behind the read API's rules.</summary>
    public static void MapExportEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/export/{file}", async (string file, string? asOf, string? region, ClaimsPrincipal user,
            DashboardQueries queries, ExportService exports, IStringLocalizer<SharedResource> words, CancellationToken ct) =>
        {
            var extension = Path.GetExtension(file).TrimStart('.').ToLowerInvariant();
            var name = Path.GetFileNameWithoutExtension(file);
            if (extension is not ("csv" or "xlsx") || (name != "dashboard" && !QuotaDashboard.Components.Pages.Dashboard.ChartCatalogue.Names.Contains(name)) || (name == "dashboard" && extension != "xlsx"))
            {
                return ProblemResults.Of(words, StatusCodes.Status404NotFound, words["No such export"],
                    [new Problem("file", ExportProblems.Unknown, file, string.Join(", ", QuotaDashboard.Components.Pages.Dashboard.ChartCatalogue.Names))]);
            }
            if (!ReadApi.TryParseMonth(asOf, out var month, out var problem))
            {
                return problem;
            }
            if (region is not null && await queries.FindRegionAsync(region, ct) is null)
            {
                return ReadApi.UnknownRegion(region);
            }
            if (!user.CanRead(region))
            {
                return ReadApi.RegionForbidden(region);
            }
            var fileName = ExportService.FileName(name, month, region, extension);
            if (name == "dashboard")
            {
                return Results.File(ExportFiles.ToXlsx(await exports.DashboardAsync(month, region, user, ct)), Xlsx, fileName);
            }
            var sheet = (await exports.ChartAsync(name, month, region, user, ct))!;
            return extension == "csv"
                ? Results.File(ExportFiles.ToCsv(sheet), "text/csv; charset=utf-8", fileName)
                : Results.File(ExportFiles.ToXlsx([sheet]), Xlsx, fileName);
        });
}

/// <summary>Why the export API refuses a request; worded at the edge as <c>problem.{code}</c>.</summary>
public static class ExportProblems
{
    /// <summary>{0} the file asked for, {1} the charts that can be exported.</summary>
    public const string Unknown = "export.unknown";
}
