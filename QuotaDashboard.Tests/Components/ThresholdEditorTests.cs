using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Components.Pages.Quota;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Components;

/// <summary>The analyst's form for the thresholds of use, over a real store of its own: what it says, and what it leaves stored.</summary>
public sealed class ThresholdEditorTests(SeededDatabase database) : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private BunitContext _context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<ThresholdEditor> Open(string culture, string analyst = "first.analyst@test.kz")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        _context = PageContext.Create(database, analyst, QuotaDashboard.Data.Roles.Analyst);
        var cut = _context.Render<ThresholdEditor>(p => p.Add(e => e.User, TestUsers.Analyst(analyst)));
        cut.WaitForElement("[data-testid=thresholds] input");
        return cut;
    }

    private UseThresholdSettings Settings => _context.Services.GetRequiredService<UseThresholdSettings>();

    private static void Type(IRenderedComponent<ThresholdEditor> cut, decimal near, decimal over)
    {
        var inputs = cut.FindAll("[data-testid=thresholds] input");
        inputs[0].Change(near.ToString(CultureInfo.CurrentCulture));
        cut.FindAll("[data-testid=thresholds] input")[1].Change(over.ToString(CultureInfo.CurrentCulture));
    }

    private static void Save(IRenderedComponent<ThresholdEditor> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save", StringComparison.Ordinal) || b.TextContent.Contains("Сохранить", StringComparison.Ordinal)).Click();

    [Theory]
    [InlineData("en-US", "must be lower than the \"over the limit\" threshold (100 %)")]
    [InlineData("ru-RU", "должен быть ниже порога «сверх предела» (100 %)")]
    public async Task A_near_threshold_above_the_over_threshold_is_refused_beside_its_field_in_the_readers_language_and_nothing_is_stored(string culture, string words)
    {
        var cut = Open(culture);
        var before = await Settings.GetAsync();

        Type(cut, 120m, 100m);
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains(words, cut.Find("[data-testid=thresholds]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=threshold-message]"));
        Assert.Equal(before, await Settings.GetAsync());
    }

    [Fact]
    public async Task A_change_made_meanwhile_is_not_overwritten_what_was_typed_stays_and_a_second_save_replaces_it()
    {
        var cut = Open("en-US");
        var shown = await Settings.GetAsync();
        Assert.IsType<ThresholdSaveResult.Saved>(await Settings.SaveAsync(85m, 105m, shown.Version, TestUsers.Analyst("second.analyst@test.kz")));

        Type(cut, 80m, 95m);
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("second.analyst@test.kz changed the thresholds meanwhile to 85 % and 105 %",
            cut.Find("[data-testid=threshold-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(new UseThresholds(85m, 105m), (await Settings.GetAsync()).Thresholds);
        var inputs = cut.FindAll("[data-testid=thresholds] input");
        Assert.Equal(["80", "95"], inputs.Select(i => i.GetAttribute("value")));

        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("The thresholds were saved", cut.Find("[data-testid=threshold-message]").TextContent, StringComparison.Ordinal));
        var now = await Settings.GetAsync();
        Assert.Equal((new UseThresholds(80m, 95m), "first.analyst@test.kz"), (now.Thresholds, now.ChangedBy));
        Assert.Contains("Set by first.analyst@test.kz", cut.Find("[data-testid=thresholds]").TextContent, StringComparison.Ordinal);
    }
}
