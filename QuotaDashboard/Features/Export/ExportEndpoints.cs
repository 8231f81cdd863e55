using System.Security.Claims;
using QuotaDashboard.Api;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;

namespace QuotaDashboard.Features.Export;

public static class ExportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary><c>GET /api/export/{chart}.csv|.xlsx</c> and <c>/api/export/dashboard.xlsx</c>, behind the read API's rules.</summary>
    public static void MapExportEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/export/{file}", async (string file, string? asOf, string? region, ClaimsPrincipal user,
            DashboardQueries queries, ExportService exports, CancellationToken ct) =>
        {
            var extension = Path.GetExtension(file).TrimStart('.').ToLowerInvariant();
            var name = Path.GetFileNameWithoutExtension(file);
            if (extension is not ("csv" or "xlsx") || (name != "dashboard" && !QuotaDashboard.Components.Pages.Dashboard.ChartCatalogue.Names.Contains(name)) || (name == "dashboard" && extension != "xlsx"))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such export",
                    detail: $"'{file}' is not an export. Use one of {string.Join(", ", QuotaDashboard.Components.Pages.Dashboard.ChartCatalogue.Names)} with .csv or .xlsx, or dashboard.xlsx.");
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
