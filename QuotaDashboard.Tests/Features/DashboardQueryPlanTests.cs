using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace QuotaDashboard.Tests.Features;

/// <summary>
/// What SQLite does with the commands of a month view: the tables that grow with every month of the record are read only by
/// seeks, so that a view costs the same whether the record holds one year or fifty.
/// </summary>
[Trait("Store", "Sqlite")]
public sealed partial class DashboardQueryPlanTests(CountedDatabase store) : IClassFixture<CountedDatabase>
{
    private static readonly string[] GrowingTables = ["Reports", "Revisions", "BreakdownLines"];

    // A report by its id, each region's latest report on or before the month, a revision by its id, the lines of one revision,
    // a report's revision waiting for review (read for a preview only).
    private static readonly string[] Seeks = ["(rowid=?)", "(RegionCode=? AND Month<?)", "(RevisionId=?)", "(ReportId=?)"];

    [Fact]
    public async Task Every_month_view_reads_reports_revisions_and_lines_only_by_seeks()
    {
        foreach (var (month, region) in DashboardQueryCostTests.Views)
        {
            var (commands, _) = await store.RecordDashboardAsync(month, region);

            foreach (var command in commands)
            {
                var tables = Aliases(command.Text);
                foreach (var step in await PlanAsync(command))
                {
                    if (StepOn().Match(step) is { Success: true } on && tables.GetValueOrDefault(on.Groups["alias"].Value) is { } table && GrowingTables.Contains(table))
                    {
                        Assert.True(Seeks.Any(step.Contains),
                            $"The view of {month:yyyy-MM} {region ?? "nation"} reads {table} by '{step}', not by a seek, in:\n{command.Text}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Each_regions_latest_report_is_found_by_a_seek_on_region_and_month_not_by_the_latest_month_of_its_whole_history()
    {
        var (commands, view) = await store.RecordDashboardAsync(new DateOnly(2025, 6, 1), null);

        var steps = new List<string>();
        foreach (var command in commands)
        {
            steps.AddRange(await PlanAsync(command));
        }
        Assert.Contains(steps, s => s.Contains("USING INDEX IX_Reports_RegionCode_Month (RegionCode=? AND Month<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Text.Contains("MAX(", StringComparison.OrdinalIgnoreCase) && c.Text.Contains("\"Reports\"", StringComparison.Ordinal));
        Assert.Equal(20, view.Reconciliation.RegionsReporting);
    }

    /// <summary>The plan of one recorded command, run again with the same parameters against the same store.</summary>
    private async Task<List<string>> PlanAsync(RecordedCommand recorded)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.File, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + recorded.Text;
        foreach (var (name, value) in recorded.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        }
        return steps;
    }

    /// <summary>The table behind each alias the command names, as in <c>"Reports" AS "r0"</c>.</summary>
    private static Dictionary<string, string> Aliases(string sql) =>
        TableAlias().Matches(sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value);

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex("^(SCAN|SEARCH) (?<alias>\\w+)")]
    private static partial Regex StepOn();
}
