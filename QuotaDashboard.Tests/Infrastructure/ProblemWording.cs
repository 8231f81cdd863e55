using System.Globalization;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Features;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>Problems worded as the edge words them, in a culture of the test's choosing, through the product's own resources.</summary>
public static class ProblemWording
{
    public static string Worded(this IStringLocalizer<SharedResource> text, Problem problem, string culture = "en-US") =>
        InCulture(culture, () => text.Describe(problem));

    public static T InCulture<T>(string culture, Func<T> what)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return what();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
