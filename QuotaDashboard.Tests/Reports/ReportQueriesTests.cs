using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>Reads over a real SQLite store; each test works on a region and month of its own.</summary>
public sealed class ReportQueriesTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private ReportQueries Queries => store.Get<ReportQueries>();

    private Task<SaveResult> SaveAsync(ReportInput input, System.Security.Claims.ClaimsPrincipal user, int? expectedVersion) =>
        store.Get<ReportCommands>().SaveAsync(input, user, expectedVersion);

    [Fact]
    public async Task The_history_lists_every_revision_newest_first_with_who_saved_it_when_and_what_changed()
    {
        var month = new DateOnly(2024, 5, 1);
        var officer = TestUsers.Officer("KZ-75", "officer.almaty@test.kz");
        var original = await StoredReports.CurrentInputAsync(store, "KZ-75", month);
        var started = DateTime.UtcNow.AddSeconds(-1);
        Assert.IsType<SaveResult.Saved>(await SaveAsync(original.WithExtra(4) with { Comment = "late <i>permits</i>" }, officer, 1));
        var second = original.WithExtra(4) with
        {
            Countries = new Dictionary<string, int>(original.WithExtra(4).Countries) { ["GE"] = 0 },
            Employers = original.Employers + 1,
            Comment = null,
        };
        Assert.IsType<SaveResult.Saved>(await SaveAsync(second, TestUsers.Analyst("analyst@test.kz"), 2));

        var history = await Queries.GetHistoryAsync("KZ-75", month, officer);

        Assert.Equal([3, 2, 1], history.Select(h => h.Revision.Number));
        Assert.Equal(["analyst@test.kz", "officer.almaty@test.kz", DatabaseSeeder.SeedUser], history.Select(h => h.Revision.EnteredBy));
        Assert.Equal([true, false, false], history.Select(h => h.IsCurrent));
        // The analyst's revision counts at once and replaces the officer's, which nobody had decided on yet.
        Assert.Equal([RevisionState.Accepted, RevisionState.Superseded, RevisionState.Accepted], history.Select(h => h.Revision.State));
        Assert.All(history.Take(2), h => Assert.InRange(h.Revision.EnteredAtUtc, started, DateTime.UtcNow.AddSeconds(1)));
        Assert.All(history, h => Assert.Equal(DateTimeKind.Utc, h.Revision.EnteredAtUtc.Kind));
        Assert.Empty(history[2].Changes);

        var firstCategory = original.Categories.Keys.Order(StringComparer.Ordinal).First();
        var firstSector = original.Sectors.Keys.Order(StringComparer.Ordinal).First();
        var firstCountry = original.Countries.Keys.Order(StringComparer.Ordinal).First();
        Assert.Equal<ReportChange>(
        [
            new CountChange(ChangedField.Total, null, original.Total, original.Total + 4),
            new CountChange(ChangedField.Category, firstCategory, original.Categories[firstCategory], original.Categories[firstCategory] + 4),
            new CountChange(ChangedField.Sector, firstSector, original.Sectors[firstSector], original.Sectors[firstSector] + 4),
            new CountChange(ChangedField.Country, firstCountry, original.Countries[firstCountry], original.Countries[firstCountry] + 4),
            new TextChange(ChangedField.Comment, null, "late <i>permits</i>"),
        ], history[1].Changes);
        // A zero is not stored, so revision 3 changes only employers and the comment.
        Assert.Equal<ReportChange>(
        [
            new CountChange(ChangedField.Employers, null, original.Employers, original.Employers + 1),
            new TextChange(ChangedField.Comment, "late <i>permits</i>", null),
        ], history[0].Changes);
        Assert.Equal(original.Total + 4, history[1].Revision.Total);
        Assert.Equal(original.Total, history[2].Revision.Total);
    }

    [Fact]
    public async Task The_current_revision_comes_with_the_version_a_save_must_name_and_a_new_month_starts_from_the_latest_earlier_report()
    {
        var analyst = TestUsers.Analyst();

        var current = await Queries.GetCurrentAsync("KZ-71", new DateOnly(2025, 4, 1), analyst);
        var none = await Queries.GetCurrentAsync("KZ-71", new DateOnly(2026, 3, 1), analyst);
        var previous = await Queries.GetLatestBeforeAsync("KZ-71", new DateOnly(2026, 3, 1), analyst);

        Assert.NotNull(current);
        Assert.Equal((1, 1, new DateOnly(2025, 4, 1)), (current.Version, current.Revision.Number, current.Revision.Month));
        Assert.Equal((await StoredReports.CurrentInputAsync(store, "KZ-71", new DateOnly(2025, 4, 1))).Total, current.Revision.Total);
        Assert.Null(none);
        Assert.Equal(new DateOnly(2025, 12, 1), previous?.Month);
        Assert.Contains(new ReportMonth(new DateOnly(2025, 12, 1), 1), await Queries.GetMonthsAsync("KZ-71", analyst));
    }

    [Fact]
    public async Task An_officer_of_almaty_cannot_read_the_reports_of_astana_and_a_manager_can()
    {
        var officer = TestUsers.Officer("KZ-75");
        var month = new DateOnly(2025, 6, 1);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.GetHistoryAsync("KZ-71", month, officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.GetCurrentAsync("KZ-71", month, officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.GetLatestBeforeAsync("KZ-71", month, officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.GetMonthsAsync("KZ-71", officer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.GetHistoryAsync("KZ-71", month, new System.Security.Claims.ClaimsPrincipal()));
        Assert.NotEmpty(await Queries.GetHistoryAsync("KZ-75", month, officer));
        Assert.NotEmpty(await Queries.GetHistoryAsync("KZ-71", month, TestUsers.Manager()));
    }

    [Fact]
    public async Task Of_two_people_who_loaded_the_same_version_the_second_gets_a_conflict_stores_nothing_and_then_saves_on_top()
    {
        var month = new DateOnly(2024, 8, 1);
        var officer = TestUsers.Officer("KZ-71", "officer.astana@test.kz");
        var analyst = TestUsers.Analyst("analyst@test.kz");
        var seenByOfficer = await Queries.GetCurrentAsync("KZ-71", month, officer);
        var seenByAnalyst = await Queries.GetCurrentAsync("KZ-71", month, analyst);
        Assert.Equal(seenByOfficer!.Version, seenByAnalyst!.Version);
        var input = await StoredReports.CurrentInputAsync(store, "KZ-71", month);

        var first = await SaveAsync(input.WithExtra(2), officer, seenByOfficer.Version);
        var second = await SaveAsync(input.WithExtra(9), analyst, seenByAnalyst.Version);

        Assert.Equal(new SaveResult.Saved(2, 2, RevisionState.Submitted), first);
        Assert.Equal(new SaveResult.Conflict(2), second);
        var history = await Queries.GetHistoryAsync("KZ-71", month, analyst);
        Assert.Equal([2, 1], history.Select(h => h.Revision.Number));
        Assert.DoesNotContain(history, h => h.Revision.EnteredBy == "analyst@test.kz");

        var newer = await Queries.GetCurrentAsync("KZ-71", month, analyst);
        var again = await SaveAsync(input.WithExtra(9), analyst, newer!.Version);

        Assert.Equal(new SaveResult.Saved(3, 3, RevisionState.Accepted), again);
        var current = await Queries.GetCurrentAsync("KZ-71", month, analyst);
        Assert.Equal((3, input.Total + 9, "analyst@test.kz"), (current!.Revision.Number, current.Revision.Total, current.Revision.EnteredBy));
    }
}
