using System.Globalization;

namespace QuotaDashboard.Features;

/// <summary>A text the record holds in English and, where it has them, Russian and Kazakh; the reader's is picked at the edge.</summary>
public sealed record Wording(string En, string? Ru, string? Kk)
{
    public string InReadersLanguage() => Names.Pick(En, Ru, Kk);
}

/// <summary>Picks the name of a thing in the user's language.</summary>
public static class Names
{
    public const string OtherKey = "other";

    public static bool IsRussian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";

    public static bool IsKazakh => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "kk";

    /// <summary>
    /// A thing named or worded in the three languages, in the reader's. A Kazakh text not (yet) stored falls back to the Russian, the
    /// other official language in the same script; a text entered in one language only, with no translation, reads as entered.
    /// </summary>
    public static string Pick(string english, string? russian, string? kazakh)
    {
        var inRussian = string.IsNullOrWhiteSpace(russian) ? english : russian;
        return IsKazakh ? (string.IsNullOrWhiteSpace(kazakh) ? inRussian : kazakh) : IsRussian ? inRussian : english;
    }

    /// <summary>
    /// Who entered a revision, for the reader: the seed's own codes (and the wording stores held before them) are worded in the
    /// reader's language; a person's user name is shown as it is.
    /// </summary>
    public static string Author(string? enteredBy) => enteredBy switch
    {
        Data.Seeding.DatabaseSeeder.SeedUser or Data.Seeding.DatabaseSeeder.FormerSeedUser => Pick(
            "illustrative regional data (seed)", "иллюстративные региональные данные (начальная загрузка)", "иллюстративтік өңірлік деректер (бастапқы жүктеу)"),
        Data.PublishedRecord.SeedUser or Data.PublishedRecord.FormerSeedUser => Pick(
            "published record (seed)", "опубликованные данные (начальная загрузка)", "жарияланған деректер (бастапқы жүктеу)"),
        _ => enteredBy ?? "",
    };

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
