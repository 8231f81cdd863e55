using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QuotaDashboard.Hosting;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>The interface texts, read from the resource files as written: every language has every text, with the same blanks to fill.</summary>
public sealed partial class ResourceCompletenessTests
{
    /// <summary>Texts that are the same words in every language.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = ["QuotaDashboard"];

    private static readonly IReadOnlyList<(string Key, string Value)> English = Read("SharedResource.resx");

    public static TheoryData<string> OtherLanguages => new(HostingExtensions.SupportedCultures.Skip(1).Select(c => c.Name));

    [Fact]
    public void Every_supported_culture_but_the_default_has_its_resource_file_and_the_default_is_english()
    {
        Assert.Equal("en", HostingExtensions.SupportedCultures[0].Name);
        Assert.All(HostingExtensions.SupportedCultures.Skip(1), c => Assert.True(File.Exists(PathOf(c.Name)), $"{PathOf(c.Name)} is missing"));
        Assert.Equal(["en", "ru", "kk"], HostingExtensions.SupportedCultures.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void A_language_has_every_key_of_the_english_resources_and_no_other(string language)
    {
        var translated = Read($"SharedResource.{language}.resx").Select(e => e.Key).ToList();

        Assert.Empty(English.Select(e => e.Key).Except(translated));
        Assert.Empty(translated.Except(English.Select(e => e.Key)));
        Assert.Equal(translated.Count, translated.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_of_a_language_has_the_placeholders_of_its_english_text(string language)
    {
        var translated = Read($"SharedResource.{language}.resx").ToDictionary(e => e.Key, e => e.Value);

        var differing = English.Where(e => translated.ContainsKey(e.Key))
            .Where(e => !Placeholders(e.Value).SequenceEqual(Placeholders(translated[e.Key])))
            .Select(e => $"{e.Key}: {string.Join(" ", Placeholders(e.Value))} ≠ {string.Join(" ", Placeholders(translated[e.Key]))}")
            .ToList();

        Assert.Empty(differing);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_of_a_language_is_a_format_that_string_format_accepts(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var failing = new List<string>();
        foreach (var (key, value) in Read($"SharedResource.{language}.resx"))
        {
            var placeholders = Placeholders(value);
            // MudBlazor fills its own named blanks such as {first_item}; only numbered ones go through string.Format.
            if (placeholders.Count == 0 || !placeholders.All(p => Numbered().IsMatch(p)))
            {
                continue;
            }
            var arguments = Enumerable.Repeat<object>(1, placeholders.Max(p => int.Parse(Numbered().Match(p).Groups[1].Value, CultureInfo.InvariantCulture)) + 1).ToArray();
            try
            {
                _ = string.Format(culture, value, arguments);
            }
            catch (FormatException e)
            {
                failing.Add($"{key}: {e.Message}");
            }
        }

        Assert.Empty(failing);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void No_text_of_a_language_is_left_in_english(string language)
    {
        var translated = Read($"SharedResource.{language}.resx").ToDictionary(e => e.Key, e => e.Value);

        var untranslated = English
            .Where(e => translated.TryGetValue(e.Key, out var value) && value == e.Value && e.Value.Any(char.IsLetter) && !SameInEveryLanguage.Contains(e.Value))
            .Select(e => e.Key)
            .ToList();

        Assert.Empty(untranslated);
    }

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    private static string PathOf(string language) =>
        Path.Combine(RepositoryPaths.Root, "QuotaDashboard", "Resources", $"SharedResource.{language}.resx");

    private static List<(string Key, string Value)> Read(string fileName) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "QuotaDashboard", "Resources", fileName)).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""))
            .ToList();

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{(\d+)(?:,-?\d+)?(?::[^{}]*)?\}$")]
    private static partial Regex Numbered();
}
