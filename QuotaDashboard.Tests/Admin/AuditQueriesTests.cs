using System.Security.Claims;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Admin;

/// <summary>The audit log as administrators and analysts read it: newest first, a page at a time, filtered in the database.</summary>
public sealed class AuditQueriesTests : IClassFixture<AuditQueriesTests.AuditedDatabase>
{
    private const string Reader = "auditor";
    private static readonly DateTime Start = new(2031, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private readonly AuditedDatabase _store;

    public AuditQueriesTests(AuditedDatabase store) => _store = store;

    private AuditQueries Queries => _store.Get<AuditQueries>();

    /// <summary>The seeded file plus 30 entries of one reader, one a day from <see cref="Start"/>, alternating two actions.</summary>
    public sealed class AuditedDatabase : SeededDatabase, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await using var db = CreateContext();
            for (var day = 0; day < 30; day++)
            {
                AuditLog.Record(db, day % 2 == 0 ? $"{Reader}.even@test.kz" : $"{Reader.ToUpperInvariant()}.odd@test.kz",
                    day % 2 == 0 ? "test.even" : "test.odd", $"day {day}",
                    new { Day = day - 1, Note = "<b>bold</b> и кириллица" }, new { Day = day }, Start.AddDays(day));
            }
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Entries_come_newest_first_a_page_at_a_time_with_the_total()
    {
        var first = await Queries.GetPageAsync(new AuditFilter(User: Reader), 0, 10, TestUsers.Analyst());
        var third = await Queries.GetPageAsync(new AuditFilter(User: Reader), 2, 10, TestUsers.Analyst());

        Assert.Equal(30, first.Total);
        Assert.Equal(Enumerable.Range(20, 10).Reverse().Select(d => $"day {d}"), first.Entries.Select(e => e.Subject));
        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(d => $"day {d}"), third.Entries.Select(e => e.Subject));
    }

    [Fact]
    public async Task The_user_filter_matches_a_part_of_the_name_in_any_case_and_the_action_filter_one_action()
    {
        var odd = await Queries.GetPageAsync(new AuditFilter(User: "auditor.ODD"), 0, 100, TestUsers.Administrator());
        var even = await Queries.GetPageAsync(new AuditFilter(User: Reader, Action: "test.even"), 0, 100, TestUsers.Administrator());

        Assert.Equal(15, odd.Total);
        Assert.All(odd.Entries, e => Assert.Equal("test.odd", e.Action));
        Assert.Equal(15, even.Total);
        Assert.All(even.Entries, e => Assert.StartsWith($"{Reader}.even", e.User));
    }

    [Fact]
    public async Task The_date_filter_takes_whole_days_in_utc_from_and_to_inclusive()
    {
        var from = DateOnly.FromDateTime(Start.AddDays(5));
        var page = await Queries.GetPageAsync(new AuditFilter(User: Reader, From: from, To: from.AddDays(2)), 0, 100, TestUsers.Analyst());

        Assert.Equal(["day 7", "day 6", "day 5"], page.Entries.Select(e => e.Subject));
    }

    [Fact]
    public async Task Before_and_after_are_indented_json_that_keeps_markup_and_cyrillic_as_they_are()
    {
        var entry = (await Queries.GetPageAsync(new AuditFilter(User: Reader), 0, 1, TestUsers.Analyst())).Entries.Single();

        Assert.Equal("{\n  \"Day\": 28,\n  \"Note\": \"<b>bold</b> и кириллица\"\n}", entry.Before!.ReplaceLineEndings("\n"));
        Assert.Equal("{\n  \"Day\": 29\n}", entry.After!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_actions_of_the_log_are_offered_for_the_filter()
    {
        var actions = await Queries.GetActionsAsync(TestUsers.Administrator());

        Assert.Contains("test.even", actions);
        Assert.Contains("test.odd", actions);
        Assert.Equal(actions.Order(StringComparer.Ordinal), actions);
    }

    [Fact]
    public async Task A_page_size_beyond_the_limit_is_cut_to_it()
    {
        var page = await Queries.GetPageAsync(new AuditFilter(), 0, 100_000, TestUsers.Analyst());

        Assert.True(page.Entries.Count <= AuditQueries.MaxPageSize);
    }

    public static TheoryData<string> NotAllowed => ["manager", "officer", "analyst's API token", "anonymous"];

    [Theory]
    [MemberData(nameof(NotAllowed))]
    public async Task Managers_officers_tokens_and_strangers_cannot_read_the_log(string who)
    {
        var viewer = who switch
        {
            "manager" => TestUsers.Manager(),
            "officer" => TestUsers.Officer("KZ-55"),
            "analyst's API token" => new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "token:reader"), new Claim(ClaimTypes.Role, Roles.Analyst), new Claim(UserAccess.ApiTokenClaim, "1")], "ApiToken")),
            _ => new ClaimsPrincipal(new ClaimsIdentity()),
        };

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.GetPageAsync(new AuditFilter(), 0, 10, viewer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.GetActionsAsync(viewer));
    }
}
