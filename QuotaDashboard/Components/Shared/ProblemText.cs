using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features;

namespace QuotaDashboard.Components.Shared;

/// <summary>Words a <see cref="Problem"/> in the reader's language: the resource <c>problem.{code}</c> with the problem's values.</summary>
public static class ProblemText
{
    public static string Describe(this IStringLocalizer text, Problem problem)
    {
        var format = text["problem." + problem.Code];
        return format.ResourceNotFound
            ? problem.Code
            : string.Format(CultureInfo.CurrentCulture, format.Value, [.. problem.Args.Select(Formattable)]);
    }

    /// <summary>A problem worded with the entry it is about, such as a category or a country, where it has one.</summary>
    public static string DescribeWithKey(this IStringLocalizer text, Problem problem) =>
        problem.Key is { Length: > 0 } key && key != problem.Column ? $"{key}: {text.Describe(problem)}" : text.Describe(problem);

    /// <summary>Every problem of one field, worded, for the error text beside it; null where the field has none.</summary>
    public static string? ErrorOf(this IStringLocalizer text, IEnumerable<Problem>? problems, string field) =>
        problems is null ? null : text.DescribeField(problems, field) is { Length: > 0 } error ? error : null;

    /// <summary>
    /// The API's ProblemDetails extension: each problem with its field, key, code, arguments, place in a file and its wording in the
    /// request's language.
    /// </summary>
    public static List<object> ForApi(this IStringLocalizer text, IEnumerable<Problem> problems) => problems
        .Select(p => (object)new { field = p.Field, key = p.Key, code = p.Code, args = p.Args, row = p.Row, column = p.Column, message = text.Describe(p) })
        .ToList();

    /// <summary>Every problem of one field, worded, for the error text beside it.</summary>
    public static string DescribeField(this IStringLocalizer text, IEnumerable<Problem> problems, string field) =>
        string.Join(" ", problems.Where(p => p.Field == field).Select(text.Describe));

    // A month or a day reads the same in every language; the resource decides which of the two it shows.
    private static object? Formattable(object? value) => value is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : value;
}

/// <summary>ProblemDetails of refused API requests: the worded problems in the request's language, each with its code.</summary>
public static class ProblemResults
{
    public static IResult Forbidden(IStringLocalizer text, Problem problem) =>
        Of(text, StatusCodes.Status403Forbidden, text["Forbidden"], [problem]);

    public static IResult Of(IStringLocalizer text, int status, string title, IReadOnlyList<Problem> problems) =>
        Results.Problem(statusCode: status, title: title,
            detail: string.Join(" ", problems.Select(text.Describe)),
            extensions: new Dictionary<string, object?> { ["problems"] = text.ForApi(problems) });
}
