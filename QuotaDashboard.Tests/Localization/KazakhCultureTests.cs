using System.Globalization;
using QuotaDashboard.Components.Layout;
using QuotaDashboard.Features;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Tests.Localization;

/// <summary>What the platform's kk culture (ICU) gives the pages that format numbers and months for a Kazakh reader.</summary>
public sealed class KazakhCultureTests
{
    private static readonly CultureInfo Kazakh = HostingExtensions.SupportedCultures.Single(c => c.Name == "kk");

    [Fact]
    public void Kazakh_groups_thousands_with_a_no_break_space_and_writes_a_decimal_comma()
    {
        Assert.Equal("12\u00A0345", 12345.ToString("N0", Kazakh));
        Assert.Equal("14\u00A0103,5", 14103.5m.ToString("N1", Kazakh));
    }

    [Fact]
    public void Kazakh_names_the_months_in_kazakh()
    {
        Assert.Equal("Қазан 2025", new DateOnly(2025, 10, 1).ToString("MMMM yyyy", Kazakh));
        Assert.Equal("Желтоқсан 2025", new DateOnly(2025, 12, 1).ToString("MMMM yyyy", Kazakh));
    }

    [Fact]
    public void Country_names_come_in_kazakh_for_a_kazakh_reader() => InCulture("kk", () =>
    {
        Assert.Equal("Қытай", Names.Country("CN"));
        Assert.Equal("Басқа елдер", Names.Country(Names.OtherKey));
    });

    [Theory]
    [InlineData("en", "Almaty", "Almaty")]
    [InlineData("ru", "город Алматы", "город Алматы")]
    [InlineData("kk", "город Алматы", "Алматы қаласы")]
    public void Pick_gives_the_name_in_the_readers_language_and_a_kazakh_reader_the_russian_of_a_thing_named_in_two(
        string culture, string namedInTwo, string namedInThree) => InCulture(culture, () =>
    {
        Assert.Equal(namedInTwo, Names.Pick("Almaty", "город Алматы", null));
        Assert.Equal(namedInThree, Names.Pick("Almaty", "город Алматы", "Алматы қаласы"));
    });

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("kk")]
    public void A_text_entered_in_one_language_without_translations_reads_as_entered(string culture) =>
        InCulture(culture, () => Assert.Equal("seen once", Names.Pick("seen once", null, null)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_kazakh_name_not_stored_falls_back_to_the_russian(string? kazakh) =>
        InCulture("kk", () => Assert.Equal("город Алматы", Names.Pick("Almaty", "город Алматы", kazakh)));

    [Fact]
    public void The_language_switches_offer_every_supported_culture_in_its_order_and_each_in_its_own_words()
    {
        Assert.Equal(HostingExtensions.SupportedCultures.Select(c => c.Name), Language.All.Select(l => l.Culture));
        Assert.Equal(["English", "Русский", "Қазақша"], Language.All.Select(l => l.Name));
    }

    private static void InCulture(string culture, Action assert)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            assert();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
