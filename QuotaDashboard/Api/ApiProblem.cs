using Microsoft.AspNetCore.Http.HttpResults;

namespace QuotaDashboard.Api;

/// <summary>
/// A refusal of the read API as problem details: <c>code</c>, <c>field</c> and <c>args</c> are what a caller acts on; the title and
/// detail are a fixed English gloss for a person reading the raw response, never worded in the caller's language.
/// </summary>
public static class ApiProblem
{
    public static ProblemHttpResult BadRequest(string field, string code, object?[] args, string detail) =>
        Of(StatusCodes.Status400BadRequest, "Bad request", field, code, args, detail);

    public static ProblemHttpResult NotFound(string field, string code, object?[] args, string detail) =>
        Of(StatusCodes.Status404NotFound, "Not found", field, code, args, detail);

    public static ProblemHttpResult Forbidden(string? field, string code, object?[] args, string detail) =>
        Of(StatusCodes.Status403Forbidden, "Forbidden", field, code, args, detail);

    private static ProblemHttpResult Of(int status, string title, string? field, string code, object?[] args, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?>
        {
            ["code"] = code,
            ["field"] = field,
            ["args"] = args,
        });
}
