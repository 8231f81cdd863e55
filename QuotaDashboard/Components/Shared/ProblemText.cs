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

    /// <summary>Every problem of one field, worded, for the error text beside it.</summary>
    public static string DescribeField(this IStringLocalizer text, IEnumerable<Problem> problems, string field) =>
        string.Join(" ", problems.Where(p => p.Field == field).Select(text.Describe));

    // A month or a day reads the same in every language; the resource decides which of the two it shows.
    private static object? Formattable(object? value) => value is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : value;
}
