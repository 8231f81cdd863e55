using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Quota;

/// <summary>Writes to its own store; each test works on a year of its own.</summary>
public sealed class QuotaCommandsTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private const string Source = "https://www.gov.kz/memleket/entities/enbek/press/news/quota-example";

    internal static QuotaRevisionInput Revision(DateOnly from, int? units, decimal? share = null, bool dayPublished = true) =>
        new(from.Year, from, dayPublished, units, share, null, "order of the Minister", from, "analyst's test", Source, $"from {from:yyyy-MM-dd}", $"с {from:yyyy-MM-dd}", $"{from:yyyy-MM-dd} бастап");

    private Task<QuotaSaveResult> AddAsync(QuotaRevisionInput input, ClaimsPrincipal? user = null) =>
        store.Get<QuotaCommands>().AddAsync(input, user ?? TestUsers.Analyst());

    private Task<QuotaInForce> InForceAsync(string date) =>
        store.Get<DashboardQueries>().GetQuotaInForceAsync(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_new_revision_counts_from_its_day_and_not_a_day_earlier()
    {
        Assert.Equal(new QuotaSaveResult.Saved(2024, 2), await AddAsync(Revision(new(2024, 6, 15), 23_500)));

        Assert.Equal(22_000, (await InForceAsync("2024-06-14")).Units);
        var onTheDay = await InForceAsync("2024-06-15");
        Assert.Equal((23_500, 2, true), (onTheDay.Units!.Value, onTheDay.RevisionSequence!.Value, onTheDay.EffectiveDayPublished));
        Assert.Equal(23_500, (await InForceAsync("2024-06-16")).Units);
    }

    [Fact]
    public async Task A_revision_whose_day_was_not_published_counts_from_the_first_of_its_month_and_says_so()
    {
        Assert.IsType<QuotaSaveResult.Saved>(await AddAsync(Revision(new(2022, 9, 1), 24_000, dayPublished: false)));

        Assert.Equal(21_100, (await InForceAsync("2022-08-31")).Units);
        var first = await InForceAsync("2022-09-01");
        Assert.Equal((24_000, false), (first.Units!.Value, first.EffectiveDayPublished));
        Assert.False((await store.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2022).Revisions.Last().DayPublished);
    }

    [Fact]
    public async Task Entering_the_units_of_2026_makes_its_use_computable_in_the_headline_and_the_ranking()
    {
        var january = new DateOnly(2026, 1, 1);
        var dashboard = store.Get<DashboardQueries>();
        var before = await dashboard.GetDashboardAsync(january, null, TestUsers.Analyst());
        Assert.Null(before.Quota.Units);
        Assert.Null(before.UsePct);
        var initial = (await store.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2026).Revisions.Single();

        var saved = await store.Get<QuotaCommands>().CorrectAsync(initial.ToInput() with { Units = 18_146 }, initial.Sequence, TestUsers.Analyst());
        Assert.Equal(new QuotaSaveResult.Saved(2026, 2), saved);
        Assert.IsType<AllocationSaveResult.Saved>(await store.Get<AllocationCommands>().SaveAsync(
            new AllocationGridInput(2026, null, [new("KZ-75", "2 000", null), new("KZ-71", "1500", null)], Source), TestUsers.Analyst()));

        var after = await dashboard.GetDashboardAsync(january, null, TestUsers.Analyst());
        Assert.Equal(18_146, after.Quota.Units);
        Assert.Equal(Math.Round(100m * after.Workers.Value!.Value / 18_146, 1), after.UsePct);
        var almaty = after.Ranking.Single(r => r.Code == "KZ-75");
        Assert.Equal(2_000, almaty.Allocation);
        Assert.Equal(Math.Round(100m * almaty.Workers!.Value / 2_000, 1), almaty.UsePct);
        Assert.False(almaty.AllocationIllustrative);
    }

    [Fact]
    public async Task A_correction_supersedes_the_revision_and_the_history_keeps_both_with_who_and_when()
    {
        var initial = (await store.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2023).Revisions.Single();

        var saved = await store.Get<QuotaCommands>().CorrectAsync(initial.ToInput() with { Units = 22_300 }, initial.Sequence, TestUsers.Analyst("second@analyst.kz"));

        Assert.Equal(new QuotaSaveResult.Saved(2023, 2), saved);
        var history = (await store.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2023).Revisions;
        Assert.Equal([(1, false, (int?)null, (int?)2, PublishedRecord.SeedUser, 22_200), (2, true, 1, null, "second@analyst.kz", 22_300)],
            history.Select(r => (r.Sequence, r.IsCurrent, r.SupersedesSequence, r.SupersededBy, r.EnteredBy, r.Units!.Value)));
        Assert.Equal(22_300, (await InForceAsync("2023-05-01")).Units);
        Assert.Equal([2], (await store.Get<DashboardQueries>().GetQuotaHistoryAsync(2023)).Select(s => s.Sequence));
        // The illustrative allocations of the corrected revision hold for its correction.
        var grid = await store.Get<AllocationQueries>().GetGridAsync(2023, 2, TestUsers.Analyst());
        Assert.Equal(358, grid.Cells.Single(c => c.RegionCode == "KZ-10").Units);
        await using var db = store.CreateContext();
        Assert.Equal(["quota.correct"], await db.Audit.Where(a => a.Subject == "quota 2023").Select(a => a.Action).ToListAsync());

        var stale = await store.Get<QuotaCommands>().CorrectAsync(initial.ToInput() with { Units = 1 }, initial.Sequence, TestUsers.Analyst());
        Assert.Equal(new QuotaSaveResult.Conflict(2), stale);
    }

    [Fact]
    public async Task Revisions_whose_implied_labour_forces_differ_by_more_than_one_percent_are_flagged()
    {
        var year = (await store.Get<QuotaQueries>().GetYearsAsync(TestUsers.Analyst())).Single(y => y.Year == 2025);

        Assert.True(year.LabourForceDiffers);
        var initial = year.Revisions.Single(r => r.Sequence == 1);
        Assert.Equal(7_400_000m, initial.ImpliedLabourForce);
        Assert.Equal([1, 3], year.Revisions.Where(r => r.LabourForceDiffers).Select(r => r.Sequence));
        Assert.Null(year.Revisions.Single(r => r.Sequence == 2).ImpliedLabourForce);
    }

    public static TheoryData<string, QuotaRevisionInput, string, string> BadRevisions => new()
    {
        { "effective date outside its year", Revision(new(2025, 5, 1), 15_000) with { Year = 2024 }, "effective_from", "quota.effective.outside-year" },
        { "negative units", Revision(new(2025, 5, 1), -1), "units", "quota.units.not-positive" },
        { "share of zero", Revision(new(2025, 5, 1), 15_000, share: 0m), "share_pct", "quota.share.out-of-range" },
        { "share above 100 %", Revision(new(2025, 5, 1), 15_000, share: 100.5m), "share_pct", "quota.share.out-of-range" },
        { "no source", Revision(new(2025, 5, 1), 15_000) with { Sources = "  " }, "sources", "quota.sources.none" },
        { "a second revision on the same date", Revision(new(2025, 8, 1), 19_500), "effective_from", "quota.effective.exists" },
        { "a year of five digits", Revision(new(2025, 5, 1), 15_000) with { Year = 20251 }, "year", "quota.year.invalid" },
        { "a month-only date that is not the first", Revision(new(2025, 5, 7), 15_000, dayPublished: false), "effective_from", "quota.effective.month-first-day" },
        { "over-long basis", Revision(new(2025, 5, 1), 15_000) with { Basis = new string('x', 2001) }, "basis", "text.too-long" },
        { "over-long wording", Revision(new(2025, 5, 1), 15_000) with { WordingRu = new string('я', 501) }, "wording_ru", "text.too-long" },
        { "no wording", Revision(new(2025, 5, 1), 15_000) with { Wording = "" }, "wording", "quota.wording.none" },
        { "negative labour force", Revision(new(2025, 5, 1), 15_000) with { LabourForce = -7 }, "labour_force", "quota.labour-force.not-positive" },
    };

    [Theory]
    [MemberData(nameof(BadRevisions))]
    public async Task A_bad_revision_is_refused_with_a_problem_beside_its_field_and_leaves_the_store_unchanged(string what, QuotaRevisionInput input, string field, string code)
    {
        var before = await StoreTables.CountRowsAsync(store);

        var result = await AddAsync(input);

        var invalid = Assert.IsType<QuotaSaveResult.Invalid>(result);
        Assert.True(invalid.Problems.Any(p => p.Field == field && p.Code == code), $"{what}: {string.Join(", ", invalid.Problems)}");
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Theory]
    [MemberData(nameof(TestUsers.NotAnalysts), MemberType = typeof(TestUsers))]
    public async Task Only_an_analyst_may_add_or_correct_a_revision_or_save_allocations(string who)
    {
        var user = TestUsers.NotAnalyst(who);
        var before = await StoreTables.CountRowsAsync(store);

        Assert.IsType<QuotaSaveResult.Forbidden>(await AddAsync(Revision(new(2025, 5, 1), 15_000), user));
        Assert.IsType<QuotaSaveResult.Forbidden>(await store.Get<QuotaCommands>().CorrectAsync(Revision(new(2025, 1, 1), 15_000), 1, user));
        Assert.IsType<AllocationSaveResult.Forbidden>(await store.Get<AllocationCommands>().SaveAsync(
            new AllocationGridInput(2025, null, [new("KZ-75", "1", 1_355)]), user));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.Get<QuotaQueries>().GetYearsAsync(user));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.Get<AllocationQueries>().GetGridAsync(2025, null, user));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }
}
