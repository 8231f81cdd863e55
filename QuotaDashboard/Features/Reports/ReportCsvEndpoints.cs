using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Reports;

public static class ReportCsvEndpoints
{
    /// <summary><c>GET /reports/template.csv</c>: the bulk-entry template, for those who may enter reports.</summary>
    public static IEndpointRouteBuilder MapReportCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/template.csv", async (HttpContext http, ReportUploads uploads, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            http.User.CanEnterReports() ? Results.File(await uploads.TemplateAsync(http.User, ct), "text/csv; charset=utf-8", ReportUploads.TemplateFileName)
            // A bare 403 would be turned into the not-found page; another system gets the status code with its reason.
            : http.User.IsApiToken() ? ProblemResults.Forbidden(text, new Problem("token", ReportProblems.TemplateToken))
            : Results.Forbid());
        return app;
    }
}
