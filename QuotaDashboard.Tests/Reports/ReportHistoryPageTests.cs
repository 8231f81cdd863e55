using Bunit;
using QuotaDashboard.Components.Pages.Reports;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

public sealed class ReportHistoryPageTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private readonly SeededDatabase _store;
    private readonly ReportPages _pages;

    public ReportHistoryPageTests(SeededDatabase store)
    {
        _store = store;
        _pages = new ReportPages(store);
        ReportPages.UseEnglish();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    [Fact]
    public async Task Shows_each_revision_newest_first_with_its_changes_and_markup_in_the_comment_as_text()
    {
        var month = new DateOnly(2025, 9, 1);
        var input = await StoredReports.CurrentInputAsync(_store, "KZ-75", month);
        var saved = await _store.Get<ReportCommands>().SaveAsync(input.WithExtra(12) with { Comment = "<script>alert('x')</script> late" },
            TestUsers.Officer("KZ-75", "officer.almaty@test.kz"), expectedVersion: 1);
        Assert.IsType<SaveResult.Saved>(saved);

        var cut = ReportPages.Open<ReportHistory>(_pages.For("officer.almaty@test.kz", Roles.RegionalOfficer, "KZ-75"),
            "/reports/history?month=2025-09", "[data-testid=revision-2]");

        var cards = cut.FindAll("[data-testid^=revision-]").Where(c => c.GetAttribute("data-testid") != "revision-by").ToList();
        Assert.Equal(["revision-2", "revision-1"], cards.Select(c => c.GetAttribute("data-testid")));
        Assert.Contains("entered by officer.almaty@test.kz on", cards[0].TextContent);
        // The officer's revision waits for review; the seeded one still counts.
        Assert.Contains("waiting for review", cards[0].QuerySelector("[data-testid=state-chip]")!.TextContent);
        Assert.Contains("accepted, counts", cards[1].QuerySelector("[data-testid=state-chip]")!.TextContent);
        var rows = cards[0].QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal($"Total foreign workers | {input.Total:N0} | {input.Total + 12:N0} | +12", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("Comment | — | <script>alert('x')</script> late", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("First entry of this report", cards[1].TextContent);
    }

    [Fact]
    public void An_officer_can_pick_only_their_own_region()
    {
        var cut = ReportPages.Open<ReportHistory>(_pages.For("officer.astana@test.kz", Roles.RegionalOfficer, "KZ-71"),
            "/reports/history?region=KZ-75&month=2025-09", "[data-testid=revision-1]");

        Assert.Contains("Astana, September 2025", cut.Markup);
        Assert.DoesNotContain("Almaty", cut.Markup);
    }
}
