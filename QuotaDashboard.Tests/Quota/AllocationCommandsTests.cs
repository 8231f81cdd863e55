using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Quota;

/// <summary>Writes to its own store; each test works on a year of its own.</summary>
public sealed class AllocationCommandsTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private const string Source = "order of the Minister on the distribution of the quota (example)";

    private Task<AllocationSaveResult> SaveAsync(int year, int? revision, params AllocationCellInput[] cells) =>
        store.Get<AllocationCommands>().SaveAsync(new AllocationGridInput(year, revision, cells, Source), TestUsers.Analyst());

    private Task<AllocationGrid> GridAsync(int year, int? revision = null) => store.Get<AllocationQueries>().GetGridAsync(year, revision, TestUsers.Analyst());

    [Fact]
    public async Task The_grid_shows_every_region_with_the_sum_against_the_national_units_and_the_reserve_as_a_line_of_its_own()
    {
        var grid = await GridAsync(2025, 4);

        Assert.Equal(20, grid.Cells.Count);
        Assert.Equal(16_700, grid.National!.Units);
        Assert.Equal(16_700, grid.Allocated);
        Assert.Equal(0, grid.Reserve);
        Assert.Equal((AllocationOrigin.Published, (int?)1_355), (grid.Cells.Single(c => c.RegionCode == "KZ-75").Origin, grid.Cells.Single(c => c.RegionCode == "KZ-75").Units));
        Assert.Equal(AllocationOrigin.Illustrative, grid.Cells.Single(c => c.RegionCode == "KZ-10").Origin);
    }

    [Fact]
    public async Task Allocations_that_do_not_add_up_leave_an_explicit_reserve_and_over_allocation_is_flagged()
    {
        Assert.Equal(new AllocationSaveResult.Saved(2), await SaveAsync(2022, null, new("KZ-75", "5 000", null), new("KZ-71", "6000", null)));

        var grid = await GridAsync(2022);
        Assert.Equal((21_100, 11_000L, (long?)10_100, false), (grid.National!.Units!.Value, grid.Allocated, grid.Reserve, grid.OverAllocated));
        var cell = grid.Cells.Single(c => c.RegionCode == "KZ-75");
        Assert.Equal((AllocationOrigin.Entered, "analyst@test.kz", Source), (cell.Origin, cell.EnteredBy, cell.Source));

        Assert.Equal(new AllocationSaveResult.Saved(1), await SaveAsync(2022, null, new("KZ-75", "5 000", 5_000), new("KZ-71", "17000", 6_000)));
        var over = await GridAsync(2022);
        Assert.Equal((22_000L, (long?)-900, true), (over.Allocated, over.Reserve, over.OverAllocated));
    }

    [Fact]
    public async Task A_changed_cell_becomes_a_new_row_the_old_one_kept_and_unchanged_cells_are_untouched()
    {
        await using var db = store.CreateContext();
        var before = await db.Allocations.IgnoreQueryFilters().CountAsync(a => a.Year == 2024);

        var saved = await SaveAsync(2024, null, new("KZ-75", "1 700", 1_671), new("KZ-71", "1191", 1_191), new("KZ-10", "", null));

        Assert.Equal(new AllocationSaveResult.Saved(1), saved);
        Assert.Equal(before + 1, await db.Allocations.IgnoreQueryFilters().CountAsync(a => a.Year == 2024));
        var history = await store.Get<AllocationQueries>().GetHistoryAsync(2024, "KZ-75", TestUsers.Analyst());
        Assert.Equal([(1_700, true, AllocationOrigin.Entered), (1_671, false, AllocationOrigin.Published)], history.Select(h => (h.Units, h.IsCurrent, h.Origin)));
        Assert.Equal(1_700, (await GridAsync(2024)).Cells.Single(c => c.RegionCode == "KZ-75").Units);
        Assert.Equal(["allocation.save"], await db.Audit.Where(a => a.Subject == "allocations 2024").Select(a => a.Action).ToListAsync());
        Assert.Equal(new AllocationSaveResult.Saved(0), await SaveAsync(2024, null, new AllocationCellInput("KZ-75", "1700", 1_700)));
    }

    [Fact]
    public async Task An_analysts_allocation_for_a_revision_holds_over_the_years_published_one_and_over_an_illustrative_one()
    {
        Assert.Equal(new AllocationSaveResult.Saved(2), await SaveAsync(2021, null, new("KZ-75", "2000", null), new("KZ-10", "300", null)));
        Assert.Equal(new AllocationSaveResult.Saved(1), await SaveAsync(2021, 1, new AllocationCellInput("KZ-75", "2100", 2_000)));

        var grid = await GridAsync(2021, 1);
        Assert.Equal((2_100, (int?)1), (grid.Cells.Single(c => c.RegionCode == "KZ-75").Units!.Value, grid.Cells.Single(c => c.RegionCode == "KZ-75").RevisionSequence));
        Assert.Equal(300, grid.Cells.Single(c => c.RegionCode == "KZ-10").Units);
        Assert.Equal(2_000, (await GridAsync(2021)).Cells.Single(c => c.RegionCode == "KZ-75").Units);
    }

    [Fact]
    public async Task A_cell_someone_else_changed_since_the_screen_loaded_is_a_conflict_and_nothing_is_stored()
    {
        Assert.IsType<AllocationSaveResult.Saved>(await SaveAsync(2020, null, new AllocationCellInput("KZ-75", "3000", null)));
        var before = await StoreTables.CountRowsAsync(store);

        var stale = await SaveAsync(2020, null, new("KZ-75", "3100", null), new("KZ-71", "900", null));

        Assert.Equal(["KZ-75"], Assert.IsType<AllocationSaveResult.Conflict>(stale).Regions);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    public static TheoryData<string, AllocationGridInput, string> BadGrids => new()
    {
        { "unknown region", new(2025, null, [new("KZ-99", "100", null)]), "allocation.unknown-region" },
        { "negative units", new(2025, null, [new("KZ-75", "-5", 1_355)]), "allocation.negative" },
        { "not a number", new(2025, null, [new("KZ-75", "twelve", 1_355)]), "allocation.not-a-number" },
        { "a fraction", new(2025, null, [new("KZ-75", "1355.5", 1_355)]), "allocation.not-a-number" },
        { "a formula", new(2025, null, [new("KZ-75", "=1+1", 1_355)]), "allocation.not-a-number" },
        { "too large", new(2025, null, [new("KZ-75", "99999999999", 1_355)]), "allocation.not-a-number" },
        { "one region twice", new(2025, null, [new("KZ-75", "1", 1_355), new("KZ-75", "2", 1_355)]), "allocation.duplicate" },
        { "a revision the year does not have", new(2025, 9, [new("KZ-75", "1", 1_355)]), "allocation.revision.unknown" },
        { "a year without a quota", new(2018, null, [new("KZ-75", "1", null)]), "allocation.year.no-quota" },
        { "a year of five digits", new(20251, null, [new("KZ-75", "1", null)]), "quota.year.invalid" },
        { "over-long source", new(2025, null, [new("KZ-75", "1", 1_355)], new string('s', 501)), "text.too-long" },
    };

    [Theory]
    [MemberData(nameof(BadGrids))]
    public async Task A_bad_grid_is_refused_with_a_problem_beside_its_cell_and_leaves_the_store_unchanged(string what, AllocationGridInput input, string code)
    {
        var before = await StoreTables.CountRowsAsync(store);

        var result = await store.Get<AllocationCommands>().SaveAsync(input with { Cells = [.. input.Cells, new("KZ-71", "1", 975)] }, TestUsers.Analyst());

        var invalid = Assert.IsType<AllocationSaveResult.Invalid>(result);
        Assert.True(invalid.Problems.Any(p => p.Code == code), $"{what}: {string.Join(", ", invalid.Problems)}");
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }
}
