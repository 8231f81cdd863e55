using Bunit;
using QuotaDashboard.Components.Pages.Reports;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>The review queue over its own store: what an analyst reads about a submission, and what the page lets others do.</summary>
public sealed class ReportReviewPageTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private const string Comment = "Late permits <i>from</i> the district <script>alert(1)</script>";
    private readonly SeededDatabase _store;
    private readonly ReportPages _pages;

    public ReportReviewPageTests(SeededDatabase store)
    {
        _store = store;
        _pages = new ReportPages(store);
        ReportPages.UseEnglish();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    [Fact]
    public async Task A_submission_stands_beside_the_accepted_revision_with_each_change_in_words_and_the_officers_text_as_text_and_can_be_accepted()
    {
        var month = new DateOnly(2025, 8, 1);
        var stored = await StoredReports.CurrentInputAsync(_store, "KZ-23", month);
        var saved = await _store.Get<ReportCommands>().SaveAsync(stored.WithExtra(6) with { Comment = Comment },
            TestUsers.Officer("KZ-23", "officer.atyrau@test.kz"), null);
        Assert.Equal(RevisionState.Submitted, Assert.IsType<SaveResult.Saved>(saved).State);

        var cut = ReportPages.Open<ReportReview>(_pages.For("analyst@test.kz", Roles.Analyst), "/reports/review", "section[aria-label='Atyrau, August 2025: revision 2']");

        var card = cut.Find("section[aria-label='Atyrau, August 2025: revision 2']");
        var rows = card.QuerySelectorAll("[data-testid=review-changes] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal($"Total foreign workers | {stored.Total:N0} | {stored.Total + 6:N0} | +6", rows[0]);
        Assert.Contains(rows, r => r.StartsWith($"Comment | {stored.Comment ?? "—"} | {Comment}", StringComparison.Ordinal));
        Assert.Equal(["What changed", "Accepted, revision 1", "Submitted, revision 2", "Change"],
            card.QuerySelectorAll("[data-testid=review-changes] thead th").Select(th => th.TextContent.Trim()));
        Assert.Contains("Submitted by officer.atyrau@test.kz", card.TextContent);
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(card.QuerySelectorAll("i"));

        // Beside each other, the submission's changed figures carry a mark and a word, not a colour alone.
        cut.FindAll("section[aria-label='Atyrau, August 2025: revision 2'] .mud-expand-panel-header")[0].Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("section[aria-label='Atyrau, August 2025: revision 2'] .changed")), ReportPages.Wait);
        var marked = cut.FindAll("section[aria-label='Atyrau, August 2025: revision 2'] .changed").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(marked, m => m.StartsWith("changed: Total foreign workers", StringComparison.Ordinal));
        Assert.True(marked.Any(m => m.StartsWith("changed: Comment", StringComparison.Ordinal)), string.Join(" || ", marked));

        cut.FindAll("section[aria-label='Atyrau, August 2025: revision 2'] button").Single(b => b.TextContent.Trim() == "Accept").Click();

        cut.WaitForAssertion(() => Assert.Contains("Accepted revision 2 of Atyrau, August 2025: it counts on every dashboard now.",
            cut.Find("[data-testid=review-result]").TextContent), ReportPages.Wait);
        Assert.Empty(cut.FindAll("section[aria-label='Atyrau, August 2025: revision 2']"));
        var revisions = await StoredReports.RevisionsAsync(_store, "KZ-23", month);
        Assert.Equal(revisions[1].Id, (await StoredReports.ReportAsync(_store, "KZ-23", month)).CurrentRevisionId);
    }

    [Theory]
    [InlineData(Roles.RegionalOfficer, "KZ-23")]
    [InlineData(Roles.Manager, null)]
    [InlineData(Roles.Administrator, null)]
    public async Task Anyone_but_an_analyst_is_told_the_queue_is_not_for_them_and_sees_none_of_it(string role, string? region)
    {
        await _store.Get<ReportCommands>().SaveAsync(StoredReports.Simple("KZ-71", new DateOnly(2026, 1, 1), 70), TestUsers.Officer("KZ-71"), null);

        var cut = ReportPages.Open<ReportReview>(_pages.For($"{role}@test.kz", role, region), "/reports/review", "h1");

        Assert.Contains("Only ministry analysts may review regional reports.", cut.Markup);
        Assert.Empty(cut.FindAll("section[aria-label]"));
        Assert.DoesNotContain("Astana", cut.Markup);
    }
}
