using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Releases;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Releases;

/// <summary>Writes to its own store; each test works on a month of its own.</summary>
public sealed class ReleaseCommandsTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private const string Source = "https://www.gov.kz/memleket/entities/enbek/press/news/example";

    private static ReleaseInput Release(DateOnly asOf, int total, params ReleaseFigureInput[] more) => new(asOf, DatePrecision.Day, asOf.AddDays(20),
        [new ReleaseFigureInput(FigureKind.Total, "", total, Source), .. more]);

    private static ReleaseFigureInput Figure(FigureKind figure, string key, decimal value, string sources = Source, string? note = null) =>
        new(figure, key, value, sources, note);

    private Task<ReleaseSaveResult> AddAsync(ReleaseInput input, ClaimsPrincipal? user = null) =>
        store.Get<ReleaseCommands>().AddAsync(input, user ?? TestUsers.Analyst());

    [Fact]
    public async Task A_new_release_for_january_2026_is_the_national_figure_of_that_month_with_its_source()
    {
        var asOf = new DateOnly(2026, 1, 1);

        var saved = await AddAsync(Release(asOf, 13_950, Figure(FigureKind.Category, "cat3", 3_700), Figure(FigureKind.Country, "CN", 5_500)));

        Assert.Equal(new ReleaseSaveResult.Saved(asOf, 1), saved);
        var view = await store.Get<DashboardQueries>().GetDashboardAsync(asOf, null, TestUsers.Analyst());
        Assert.Equal(13_950, view.Workers.Value);
        Assert.Equal(SourceKind.PublishedRelease, view.Workers.Source?.Kind);
        Assert.Contains(Source, view.Workers.Source!.Links);
        Assert.Contains(asOf, await store.Get<DashboardQueries>().GetMonthsAsync());
    }

    [Fact]
    public async Task A_correction_is_a_new_version_the_dashboard_uses_while_the_first_stays_readable_with_who_and_when()
    {
        var asOf = new DateOnly(2026, 2, 1);
        Assert.IsType<ReleaseSaveResult.Saved>(await AddAsync(Release(asOf, 14_000), TestUsers.Analyst("first@analyst.kz")));

        var corrected = await store.Get<ReleaseCommands>().CorrectAsync(Release(asOf, 14_010) with { Comment = "typo in the total" }, 1, TestUsers.Analyst("second@analyst.kz"));

        Assert.Equal(new ReleaseSaveResult.Saved(asOf, 2), corrected);
        Assert.Equal(14_010, (await store.Get<DashboardQueries>().GetDashboardAsync(asOf, null, TestUsers.Analyst())).Workers.Value);
        var versions = await store.Get<ReleaseQueries>().GetVersionsAsync(asOf, TestUsers.Analyst());
        Assert.Equal([(2, true, "second@analyst.kz", 14_010m), (1, false, "first@analyst.kz", 14_000m)],
            versions.Select(v => (v.Summary.Version, v.Summary.IsCurrent, v.Summary.EnteredBy, v.Figures.Single(f => f.Figure == FigureKind.Total).Value)));
        Assert.Equal("typo in the total", versions[0].Summary.Comment);
        Assert.Equal(14_010m, (await store.Get<DashboardQueries>().GetPublishedAsync(asOf))!.Figures.Single(f => f.Figure == "total").Value);
        await using var db = store.CreateContext();
        Assert.Equal(["release.add", "release.correct"], await db.Audit.Where(a => a.Subject == "release 2026-02").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_second_release_for_the_same_month_is_refused_and_must_be_a_correction()
    {
        var asOf = new DateOnly(2026, 3, 1);
        Assert.IsType<ReleaseSaveResult.Saved>(await AddAsync(Release(asOf, 14_000)));
        var before = await StoreTables.CountRowsAsync(store);

        var second = await AddAsync(Release(asOf, 15_000));

        var problem = Assert.Single(Assert.IsType<ReleaseSaveResult.Invalid>(second).Problems);
        Assert.Equal(("as_of", "release.exists"), (problem.Field, problem.Code));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Fact]
    public async Task A_correction_of_a_version_that_is_no_longer_current_is_a_conflict_and_stores_nothing()
    {
        var asOf = new DateOnly(2026, 4, 1);
        Assert.IsType<ReleaseSaveResult.Saved>(await AddAsync(Release(asOf, 14_000)));
        Assert.IsType<ReleaseSaveResult.Saved>(await store.Get<ReleaseCommands>().CorrectAsync(Release(asOf, 14_001), 1, TestUsers.Analyst()));
        var before = await StoreTables.CountRowsAsync(store);

        var stale = await store.Get<ReleaseCommands>().CorrectAsync(Release(asOf, 14_002), 1, TestUsers.Analyst());

        Assert.Equal(new ReleaseSaveResult.Conflict(2), stale);
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    public static TheoryData<string, ReleaseInput, string, string> BadReleases => new()
    {
        { "negative", Release(new(2026, 5, 1), -5), "total", "figure.negative" },
        { "fraction of a worker", Release(new(2026, 5, 1), 14_000, Figure(FigureKind.Employers, "", 1_817.5m)), "employers", "figure.not-whole" },
        { "share above 100 %", Release(new(2026, 5, 1), 14_000, Figure(FigureKind.LocalSharePct, "", 100.5m)), "local_share_pct", "figure.share-above-100" },
        { "future month", Release(new(2099, 1, 1), 14_000), "as_of", "release.as-of.future" },
        { "before the record", Release(new(1900, 1, 1), 14_000), "as_of", "release.as-of.before-record" },
        { "a day that is not the first", Release(new(2026, 5, 15), 14_000), "as_of", "release.as-of.first-day" },
        { "no source", Release(new(2026, 5, 1), 14_000, Figure(FigureKind.Employers, "", 1_817, sources: " ")), "employers", "figure.no-source" },
        { "unknown category", Release(new(2026, 5, 1), 14_000, Figure(FigureKind.Category, "cat9", 5)), "category", "figure.unknown-category" },
        { "unknown sector", Release(new(2026, 5, 1), 14_000, Figure(FigureKind.Sector, "Z", 5)), "sector", "figure.unknown-sector" },
        { "unknown country", Release(new(2026, 5, 1), 14_000, Figure(FigureKind.Country, "XX", 5)), "country", "figure.unknown-country" },
        { "the same figure twice", Release(new(2026, 5, 1), 14_000, Figure(FigureKind.Country, "CN", 5), Figure(FigureKind.Country, "CN", 6)), "country", "figure.duplicate" },
        { "no figures", new ReleaseInput(new(2026, 5, 1), DatePrecision.Day, null, []), "figures", "release.figures.none" },
        { "published before its as-of date", Release(new(2026, 5, 1), 14_000) with { PublishedOn = new(2026, 4, 30) }, "published_on", "release.published-on.before-as-of" },
    };

    [Theory]
    [MemberData(nameof(BadReleases))]
    public async Task A_bad_release_is_refused_with_a_problem_beside_its_field_and_leaves_the_store_unchanged(string what, ReleaseInput input, string field, string code)
    {
        var before = await StoreTables.CountRowsAsync(store);

        var result = await AddAsync(input);

        var invalid = Assert.IsType<ReleaseSaveResult.Invalid>(result);
        Assert.True(invalid.Problems.Any(p => p.Field == field && p.Code == code), $"{what}: {string.Join(", ", invalid.Problems)}");
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Theory]
    [MemberData(nameof(TestUsers.NotAnalysts), MemberType = typeof(TestUsers))]
    public async Task Only_an_analyst_may_add_or_correct_a_release(string who)
    {
        var user = TestUsers.NotAnalyst(who);
        var before = await StoreTables.CountRowsAsync(store);

        Assert.IsType<ReleaseSaveResult.Forbidden>(await AddAsync(Release(new(2026, 6, 1), 14_000), user));
        Assert.IsType<ReleaseSaveResult.Forbidden>(await store.Get<ReleaseCommands>().CorrectAsync(Release(SeedCsv.December2025, 14_000), 1, user));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.Get<ReleaseQueries>().ListAsync(user));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Fact]
    public async Task Markup_in_a_note_is_kept_as_the_text_it_is()
    {
        var asOf = new DateOnly(2026, 7, 1);
        const string note = "<script>alert('x')</script> as printed";

        Assert.IsType<ReleaseSaveResult.Saved>(await AddAsync(Release(asOf, 14_000, Figure(FigureKind.Employers, "", 1_800, note: note))));

        var versions = await store.Get<ReleaseQueries>().GetVersionsAsync(asOf, TestUsers.Analyst());
        Assert.Equal(note, versions[0].Figures.Single(f => f.Figure == FigureKind.Employers).Note);
    }

    [Fact]
    public async Task A_release_whose_sectors_add_up_to_more_than_its_total_may_be_saved_and_the_data_quality_panel_lists_it()
    {
        var asOf = new DateOnly(2026, 8, 1);
        var input = Release(asOf, 1_000, Figure(FigureKind.Sector, "F", 800), Figure(FigureKind.Sector, "A", 300));

        Assert.Equal([new Disagreement(FigureKind.Sector, 1_100, 1_000)], ReleaseConsistency.Check(input.Figures, 6));
        Assert.IsType<ReleaseSaveResult.Saved>(await AddAsync(input));

        var issue = Assert.Single(await store.Get<DataQualityQueries>().GetIssuesAsync(TestUsers.Analyst()), i => i.Date == asOf);
        Assert.Equal((QualityKind.BreakdownGap, "sectors", 1_000m, 1_100m), (issue.Kind, issue.Subject, issue.Expected, issue.Actual));
    }

    [Fact]
    public void The_six_categories_of_december_2025_disagree_with_the_total_by_two()
    {
        var december = SeedCsv.Releases.Where(r => r.AsOfDate == SeedCsv.December2025)
            .Select(r => new ReleaseFigureInput(QuotaDashboard.Data.Seeding.ReleaseSeed.ParseFigure(r.Figure), r.Key, r.Value, r.Sources)).ToList();

        var disagreement = Assert.Single(ReleaseConsistency.Check(december, 6));

        Assert.Equal((FigureKind.Category, 14_105m, 14_103m, 2m), (disagreement.Breakdown, disagreement.Sum, disagreement.Total, disagreement.Difference));
    }
}
