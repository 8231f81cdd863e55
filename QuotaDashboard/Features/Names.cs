using System.Globalization;

namespace QuotaDashboard.Features;

/// <summary>Picks the name of a thing in the user's language.</summary>
public static class Names
{
    public const string OtherKey = "other";

    public static bool IsRussian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";

    public static bool IsKazakh => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "kk";

    /// <summary>
    /// For a thing named only in English and Russian. A Kazakh reader gets the Russian: it is the other official language of the
    /// country, written in the same script, and reads better beside the Kazakh of the rest of the page than English would.
    /// </summary>
    public static string Pick(string english, string russian) => IsRussian || IsKazakh ? russian : english;

    /// <summary>For a thing named in all three languages; a Kazakh name not (yet) stored falls back to the Russian.</summary>
    public static string Pick(string english, string russian, string? kazakh) =>
        IsKazakh ? (string.IsNullOrWhiteSpace(kazakh) ? russian : kazakh) : Pick(english, russian);

    public static bool IsCountryCode(string code) =>
        code.Length == 2 && code.All(char.IsAsciiLetterUpper) && TryCountryName(code) is not null;

    /// <summary>The country's name in the current UI language, from the platform's own culture data.</summary>
    public static string Country(string code) =>
        code == OtherKey ? Pick("Other countries", "Другие страны", "Басқа елдер") : TryCountryName(code) ?? code;

    private static string? TryCountryName(string code)
    {
        try
        {
            var region = new RegionInfo(code);
            if (region.TwoLetterISORegionName != code)
            {
                return null;
            }
            // RegionInfo names a country only in English or natively; a culture of that country words it in the UI language.
            var display = CultureInfo.GetCultureInfo("en-" + code).DisplayName;
            var open = display.IndexOf('(');
            var close = display.LastIndexOf(')');
            return open >= 0 && close > open ? display[(open + 1)..close] : region.EnglishName;
        }
        catch (ArgumentException)
        {
            // Not a country the platform knows (CultureNotFoundException is an ArgumentException too).
            return null;
        }
    }
}
