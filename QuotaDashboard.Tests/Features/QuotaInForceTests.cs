using QuotaDashboard.Features;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Features;

public sealed class QuotaInForceTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    /// <summary>Every month of 2024 and 2025 with the units and revision in force on its first day (seed/RELEASES.md).</summary>
    public static TheoryData<int, int, int, int> MonthsOf2024And2025()
    {
        var data = new TheoryData<int, int, int, int>();
        for (var month = 1; month <= 12; month++)
        {
            data.Add(2024, month, 22_000, 1);
        }
        for (var month = 1; month <= 12; month++)
        {
            var (units, sequence) = month switch
            {
                <= 2 => (14_800, 1),
                <= 7 => (16_500, 2),
                <= 11 => (19_400, 3),
                _ => (16_700, 4),
            };
            data.Add(2025, month, units, sequence);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MonthsOf2024And2025))]
    public async Task Quota_in_force_follows_every_revision_month_by_month(int year, int month, int units, int sequence)
    {
        var quota = await QuotaOnAsync(new DateOnly(year, month, 1));

        Assert.Equal(year, quota.Year);
        Assert.Equal(units, quota.Units);
        Assert.Equal(sequence, quota.RevisionSequence);
        Assert.Null(quota.UnitsMissing);
    }

    [Theory]
    [InlineData("2025-02-28", 14_800)]
    [InlineData("2025-03-01", 16_500)]
    [InlineData("2025-07-31", 16_500)]
    [InlineData("2025-08-01", 19_400)]
    [InlineData("2025-11-30", 19_400)]
    [InlineData("2025-12-01", 16_700)]
    [InlineData("2025-12-31", 16_700)]
    public async Task A_revision_counts_from_the_first_day_of_its_month_and_not_a_day_earlier(string date, int units)
    {
        var quota = await QuotaOnAsync(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(units, quota.Units);
    }

    [Fact]
    public async Task The_cut_to_16_700_counts_from_the_release_of_2025_12_01_and_says_its_day_was_not_published()
    {
        var quota = await QuotaOnAsync(SeedCsv.December2025);

        Assert.Equal(16_700, quota.Units);
        Assert.Equal(new DateOnly(2025, 12, 1), quota.EffectiveFrom);
        Assert.False(quota.EffectiveDayPublished);
        Assert.Null(quota.LegalActInForce);
        Assert.Contains("not published", quota.PublishedWording!.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_august_revision_keeps_both_the_published_month_and_the_legal_act_in_force_on_2025_08_23()
    {
        var quota = await QuotaOnAsync(new DateOnly(2025, 9, 1));

        Assert.Equal(19_400, quota.Units);
        Assert.Equal(0.25m, quota.SharePct);
        Assert.Equal(new DateOnly(2025, 8, 1), quota.EffectiveFrom);
        Assert.False(quota.EffectiveDayPublished);
        Assert.Equal(new Wording("from August 2025", "с августа 2025 года", "2025 жылғы тамыздан бастап"), quota.PublishedWording);
        Assert.Equal(new Wording("order of the acting Minister of 2025-08-01", "приказ исполняющего обязанности Министра от 2025-08-01",
            "Министр міндетін атқарушының 2025-08-01 бұйрығы"), quota.LegalAct);
        Assert.Equal(new DateOnly(2025, 8, 23), quota.LegalActInForce);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public async Task In_2026_only_the_share_is_known_and_the_missing_units_are_explained(int month)
    {
        var quota = await QuotaOnAsync(new DateOnly(2026, month, 1));

        Assert.Null(quota.Units);
        Assert.Equal(UnitsMissing.NotPublished, quota.UnitsMissing);
        Assert.Equal(0.25m, quota.SharePct);
        Assert.Equal(1, quota.RevisionSequence);
        Assert.Equal(new DateOnly(2026, 1, 2), quota.LegalActInForce);
    }

    [Fact]
    public async Task A_year_without_a_quota_has_no_units_and_says_why()
    {
        var quota = await QuotaOnAsync(new DateOnly(2018, 6, 1));

        Assert.Equal(2018, quota.Year);
        Assert.Null(quota.Units);
        Assert.Null(quota.SharePct);
        Assert.Null(quota.RevisionSequence);
        Assert.Null(quota.EffectiveFrom);
        Assert.Equal(UnitsMissing.NoQuota, quota.UnitsMissing);
    }

    private Task<QuotaInForce> QuotaOnAsync(DateOnly date) => store.Get<DashboardQueries>().GetQuotaInForceAsync(date);
}
