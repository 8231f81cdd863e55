using Scalar.AspNetCore;

namespace QuotaDashboard.Api;

/// <summary>The OpenAPI document of the API at <c>/openapi/v1.json</c> and its reference page at <c>/api/docs</c>, for signed-in callers.</summary>
public static class ApiDocuments
{
    public const string DocumentPath = "/openapi/v1.json";

    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddApiDocuments(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            // The API only: the pages, the sign-in form and the language switch are for browsers.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "QuotaDashboard API";
                document.Info.Description = "Foreign workers holding work permits against the quota, nationally and by region. The JSON is the same in " +
                    "every language: codes, numbers, dates and structured sources; names in English, Russian and Kazakh as { \"en\", \"ru\", \"kk\" }; " +
                    "problems with a `code`, a `field` and `args`. Sign in, or send an API token as `Authorization: Bearer …`.";
                return Task.CompletedTask;
            });
        });

    public static void MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization();
        // Scalar serves its own script from the package; nothing of it is kept in the repository.
        app.MapScalarApiReference(ReferencePath, o => o.WithTitle("QuotaDashboard API").AddDocument("v1")).RequireAuthorization();
    }
}
