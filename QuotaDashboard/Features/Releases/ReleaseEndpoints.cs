using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Data;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Releases;

namespace QuotaDashboard.Api;

/// <summary>A release as the API takes it, in the terms of releases.csv.</summary>
public sealed record ReleaseBody(
    [property: JsonPropertyName("as_of")] string? AsOf,
    [property: JsonPropertyName("precision")] string? Precision,
    [property: JsonPropertyName("published_on")] DateOnly? PublishedOn,
    [property: JsonPropertyName("figures")] IReadOnlyList<ReleaseFigureBody>? Figures,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("corrects_version")] int? CorrectsVersion);

public sealed record ReleaseFigureBody(
    [property: JsonPropertyName("figure")] string? Figure,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("sources")] string? Sources,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>
/// <c>POST /api/releases</c> adds a release and <c>POST /api/releases/{asOf}/versions</c> corrects one: analysts only, never a token.
/// Problems come back worded in the caller's language, each naming its field.
/// </summary>
public static class ReleaseEndpoints
{
    public static RouteGroupBuilder MapReleaseWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/releases", (HttpContext http, ReleaseCommands commands, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            WriteAsync(http, null, commands, text, ct));
        api.MapPost("/releases/{asOf}/versions", (string asOf, HttpContext http, ReleaseCommands commands, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            WriteAsync(http, asOf, commands, text, ct));
        return api;
    }

    private static async Task<IResult> WriteAsync(HttpContext http, string? routeAsOf, ReleaseCommands commands, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!http.User.CanEditRecord())
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Forbidden"], detail: text.Describe(new Problem(ReleaseField.Figures, "record.forbidden")));
        }
        ReleaseBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<ReleaseBody>(ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Invalid(text, [new Problem("body", "release.body.not-json")]);
        }
        if (body is null)
        {
            return Invalid(text, [new Problem("body", "release.body.not-json")]);
        }
        var (input, problems) = ToInput(body, routeAsOf);
        if (problems.Count > 0 || input is null)
        {
            return Invalid(text, problems);
        }
        if (routeAsOf is not null && body.CorrectsVersion is null)
        {
            return Invalid(text, [new Problem("corrects_version", "release.corrects-version.missing")]);
        }
        var result = routeAsOf is null
            ? await commands.AddAsync(input, http.User, ct)
            : await commands.CorrectAsync(input, body.CorrectsVersion!.Value, http.User, ct);
        return result switch
        {
            ReleaseSaveResult.Saved saved => Results.Created($"/api/published?asOf={saved.AsOf:yyyy-MM}",
                new { as_of = saved.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), version = saved.Version }),
            ReleaseSaveResult.Invalid invalid => Invalid(text, invalid.Problems),
            ReleaseSaveResult.Conflict conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Conflict"],
                detail: text.Describe(new Problem(ReleaseField.AsOf, "release.conflict", conflict.CurrentVersion)),
                extensions: new Dictionary<string, object?> { ["current_version"] = conflict.CurrentVersion }),
            _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Forbidden"], detail: text.Describe(new Problem(ReleaseField.Figures, "record.forbidden"))),
        };
    }

    private static (ReleaseInput? Input, List<Problem> Problems) ToInput(ReleaseBody body, string? routeAsOf)
    {
        var problems = new List<Problem>();
        var asOfText = routeAsOf ?? body.AsOf;
        DateOnly asOf = default;
        if (!DateOnly.TryParseExact(asOfText, ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            problems.Add(new Problem(ReleaseField.AsOf, "release.as-of.unreadable", asOfText ?? ""));
        }
        var precision = body.Precision switch
        {
            null or "day" => DatePrecision.Day,
            "month" => DatePrecision.Month,
            _ => (DatePrecision?)null,
        };
        if (precision is null)
        {
            problems.Add(new Problem("precision", "release.precision.unknown", body.Precision));
        }
        var figures = new List<ReleaseFigureInput>();
        foreach (var figure in body.Figures ?? [])
        {
            if (!FigureNames.TryParse(figure.Figure, out var kind))
            {
                problems.Add(Problem.For(ReleaseField.Figures, figure.Key, "figure.unknown", figure.Figure ?? ""));
            }
            else if (figure.Value is not { } value)
            {
                problems.Add(Problem.For(FigureNames.Name(kind), figure.Key ?? "", "figure.no-value"));
            }
            else
            {
                figures.Add(new ReleaseFigureInput(kind, figure.Key ?? "", value, figure.Sources ?? "", figure.Note));
            }
        }
        return problems.Count > 0 ? (null, problems) : (new ReleaseInput(asOf, precision!.Value, body.PublishedOn, figures, body.Comment), problems);
    }

    private static IResult Invalid(IStringLocalizer text, IReadOnlyList<Problem> problems) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["The release was not saved:"],
            detail: string.Join(" ", problems.Select(p => text.Describe(p))),
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = problems.Select(p => new { field = p.Field, key = p.Key, code = p.Code, message = text.Describe(p) }).ToList(),
            });
}
