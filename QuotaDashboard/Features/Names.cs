using System.Globalization;

namespace QuotaDashboard.Features;

/// <summary>Picks the name of a thing in the user's language.</summary>
public static class Names
{
    public const string OtherKey = "other";

    public static bool IsRussian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";

    public static string Pick(string english, string russian) => IsRussian ? russian : english;

    public static bool IsCountryCode(string code) =>
        code.Length == 2 && code.All(char.IsAsciiLetterUpper) && TryCountryName(code) is not null;

    /// <summary>The country's name in the current UI language, from the platform's own culture data.</summary>
    public static string Country(string code) =>
        code == OtherKey ? Pick("Other countries", "Другие страны") : TryCountryName(code) ?? code;

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
