using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>Which months can be reported: one answer that the form, the upload and the commands share.</summary>
public sealed class ReportingMonthsTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private ReportingMonths Months(string? earliest = null) => new(
        store.Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>(),
        Options.Create(new ReportingOptions { EarliestMonth = earliest }),
        new FixedClock());

    [Fact]
    public async Task Reporting_months_run_from_january_of_the_first_quota_year_to_the_current_month()
    {
        var months = await Months().GetAsync();

        Assert.Equal(new ReportingMonthRange(new DateOnly(2019, 1, 1), new DateOnly(2026, 6, 1)), months);
    }

    [Fact]
    public async Task A_configured_earliest_month_takes_the_place_of_the_first_quota_year()
    {
        var months = await Months("2021-03").GetAsync();

        Assert.Equal(new ReportingMonthRange(new DateOnly(2021, 3, 1), new DateOnly(2026, 6, 1)), months);
        Assert.False(months.Contains(new DateOnly(2021, 2, 28)));
        Assert.True(months.Contains(new DateOnly(2021, 3, 31)));
    }

    [Fact]
    public async Task The_app_reads_the_earliest_month_from_its_reporting_settings()
    {
        await using var app = new SettingsAppFactory("2020-06");

        var months = await app.Services.GetRequiredService<ReportingMonths>().GetAsync();

        Assert.Equal(new DateOnly(2020, 6, 1), months.First);
    }

    [Fact]
    public async Task An_earliest_month_that_is_not_written_yyyy_MM_stops_the_app_at_start_naming_the_setting()
    {
        await using var app = new SettingsAppFactory("June 2020");

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("Reporting:EarliestMonth must be a month written yyyy-MM", error.Message);
    }

    private sealed class SettingsAppFactory(string earliestMonth) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reporting:EarliestMonth", earliestMonth);
        }
    }
}
