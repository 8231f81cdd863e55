namespace QuotaDashboard.Components.Layout;

/// <summary>A language the reader can switch to, named in its own words: a reader who cannot read the current one still finds theirs.</summary>
public sealed record Language(string Culture, string Abbreviation, string Name)
{
    /// <summary>The languages the switches offer, one for each of the supported cultures and in their order.</summary>
    public static readonly IReadOnlyList<Language> All = [new("en", "EN", "English"), new("ru", "RU", "Русский"), new("kk", "ҚАЗ", "Қазақша")];

    public bool IsCurrent => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Culture;
}
