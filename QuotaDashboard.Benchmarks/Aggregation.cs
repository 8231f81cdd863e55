using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Benchmarks;

/// <summary>
/// One question the dashboard asks, answered twice over the same store: by the app's query service and by hand-written SQL.
/// Both answers are reduced to the same canonical text so that they can be compared line by line. A month view's work does
/// not depend on how many years the record holds; a <paramref name="WholeRecord"/> question returns or checks every month, so
/// its work grows with the record whoever answers it.
/// </summary>
public sealed record AggregationCase(string Name, Func<Task<string>> App, Func<Task<string>> Sql, bool WholeRecord = false);

/// <summary>The app's query services and the hand-written SQL over one generated store.</summary>
public sealed class AggregationSubject : IAsyncDisposable
{
    public const string Region = "KZ-75";

    private readonly ServiceProvider _services;
    private readonly string _connectionString;
    private readonly ClaimsPrincipal _analyst = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "benchmark analyst"), new Claim(ClaimTypes.Role, Roles.Analyst)], "benchmark"));

    public AggregationSubject(GeneratedStore store)
    {
        Store = store;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = store.File, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddQuotaDashboardCore(store.ConnectionString);
        _services = services.BuildServiceProvider();
        Month = NationalMonthAsync().GetAwaiter().GetResult();
        Cases =
        [
            new("dashboard, national", () => WithScope<DashboardQueries, string>(async q => Canonical(await q.GetDashboardAsync(Month, null, _analyst))), () => SqlDashboardAsync(null)),
            new($"dashboard, {Region}", () => WithScope<DashboardQueries, string>(async q => Canonical(await q.GetDashboardAsync(Month, Region, _analyst))), () => SqlDashboardAsync(Region)),
            new("timeline series", () => WithScope<DashboardQueries, string>(async q => Canonical(await q.GetSeriesAsync(null, _analyst))), SqlSeriesAsync, WholeRecord: true),
            new("data quality", () => WithScope<DataQualityQueries, string>(async q => Canonical(await q.GetIssuesAsync(_analyst))), SqlIssuesAsync, WholeRecord: true),
        ];
    }

    public GeneratedStore Store { get; }

    /// <summary>The latest month without a published release, where the nation is the sum of the regional reports.</summary>
    public DateOnly Month { get; }

    public IReadOnlyList<AggregationCase> Cases { get; }

    /// <summary>Fails loudly, with the first lines that differ, when the service and the SQL disagree.</summary>
    public async Task AssertEqualAsync()
    {
        foreach (var c in Cases)
        {
            var app = await c.App();
            var sql = await c.Sql();
            if (app != sql)
            {
                var a = app.Split('\n');
                var s = sql.Split('\n');
                var diff = a.Except(s).Take(5).Select(l => "  app: " + l).Concat(s.Except(a).Take(5).Select(l => "  sql: " + l));
                throw new InvalidOperationException($"{c.Name} ({Store.Years} years): the query service and the hand-written SQL disagree\n{string.Join('\n', diff)}");
            }
        }
    }

    private async Task<TResult> WithScope<TService, TResult>(Func<TService, Task<TResult>> call) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        // The computation is what is timed, not a cached view.
        await scope.ServiceProvider.GetRequiredService<DashboardCache>().ForgetAsync(QuotaDashboard.Features.Live.DataChange.Anything);
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static string Canonical(DashboardView view) => Lines(
        [
            $"workers {view.Workers.Value}",
            $"employers {view.Employers.Value}",
            $"local {view.LocalEmployees.Value}",
            .. Items("category", view.Categories),
            .. Items("sector", view.Sectors),
            .. Items("country", view.Countries),
            .. view.Ranking.Select(r => $"region {r.Code} {r.Workers} {r.Allocation}"),
            $"quota {view.Quota.Units}",
        ]);

    private static IEnumerable<string> Items(string dimension, BreakdownView breakdown) =>
        breakdown.Items.Select(i => $"{dimension} {i.Key} {i.Count}");

    private static string Canonical(TimelineSeries series) => Lines(
        [
            .. series.RegionalSums.Select(p => $"sum {p.Date:yyyy-MM-dd} {p.Value}"),
            .. series.Published.Select(p => $"published {p.Date:yyyy-MM-dd} {p.Value}"),
            $"quota steps {series.Quota.Count}",
        ]);

    private static readonly QualityKind[] ComparedKinds = [QualityKind.BreakdownGap, QualityKind.PublishedVsRegional, QualityKind.RegionalMismatch];

    private static string Canonical(IReadOnlyList<QualityIssue> issues) => Lines(
        [
            .. issues.Where(i => ComparedKinds.Contains(i.Kind)).Select(i => Issue(i.Kind, i.Date, i.Expected, i.Actual)),
            $"notes {issues.Count(i => i.Kind == QualityKind.SourceNote)}",
        ]);

    private static string Issue(QualityKind kind, DateOnly? date, decimal? expected, decimal? actual) =>
        $"{kind} {date:yyyy-MM-dd} {expected?.ToString("0.##", CultureInfo.InvariantCulture)} {actual?.ToString("0.##", CultureInfo.InvariantCulture)}";

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines.Order(StringComparer.Ordinal));

    private async Task<DateOnly> NationalMonthAsync()
    {
        await using var connection = await OpenAsync();
        var months = await QueryAsync(connection,
            "select distinct Month from Reports where Month not in (select AsOf from Releases where IsCurrent) order by Month desc limit 1", r => DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture));
        return months.Single();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static long? NullableLong(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static decimal? NullableDecimal(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : (decimal)r.GetDouble(i);

    // Each region's latest report on or before the month, found by an index seek on (RegionCode, Month).
    private const string Latest = """
        with latest as (
            select g.Code as RegionCode,
                   (select x.Id from Reports x where x.RegionCode = g.Code and x.Month <= $month and x.CurrentRevisionId is not null
                    order by x.Month desc limit 1) as ReportId
            from Regions g where $region is null or g.Code = $region)
        """;

    private async Task<string> SqlDashboardAsync(string? region)
    {
        await using var connection = await OpenAsync();
        var month = Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string, object?)[] args = [("$month", month), ("$region", region)];
        var perRegion = await QueryAsync(connection, Latest + """
            select l.RegionCode, v.Total, v.Employers, v.LocalEmployees
            from latest l join Reports r on r.Id = l.ReportId join Revisions v on v.Id = r.CurrentRevisionId
            """, r => (Code: r.GetString(0), Total: r.GetInt64(1), Employers: NullableLong(r, 2), Local: NullableLong(r, 3)), args);
        var lines = await QueryAsync(connection, Latest + """
            select b.Dimension, b.Key, sum(b.Count)
            from latest l join Reports r on r.Id = l.ReportId join BreakdownLines b on b.RevisionId = r.CurrentRevisionId
            group by b.Dimension, b.Key
            """, r => $"{r.GetString(0).ToLowerInvariant()} {r.GetString(1)} {r.GetInt64(2)}", args);
        var quota = (await QueryAsync(connection, """
            select Year, Sequence, Units from QuotaRevisions
            where IsCurrent and Year = $year and EffectiveFrom <= $month order by EffectiveFrom desc, Sequence desc limit 1
            """, r => (Sequence: r.GetInt32(1), Units: NullableLong(r, 2)), ("$year", Month.Year), ("$month", month))).SingleOrDefault();
        var allocations = await QueryAsync(connection, """
            select RegionCode, RevisionSequence, Units from Allocations
            where IsCurrent and Year = $year and (RevisionSequence is null or RevisionSequence = $sequence)
            """, r => (Code: r.GetString(0), Sequence: NullableLong(r, 1), Units: r.GetInt64(2)), ("$year", Month.Year), ("$sequence", quota.Sequence));
        var regions = await QueryAsync(connection, "select Code from Regions", r => r.GetString(0));

        // A region's whole ranking line is wanted even where only one region is shown; the dashboard ranks them all.
        var allRegions = region is null ? perRegion : await QueryAsync(connection, Latest + """
            select l.RegionCode, v.Total, v.Employers, v.LocalEmployees
            from latest l join Reports r on r.Id = l.ReportId join Revisions v on v.Id = r.CurrentRevisionId
            """, r => (Code: r.GetString(0), Total: r.GetInt64(1), Employers: NullableLong(r, 2), Local: NullableLong(r, 3)), ("$month", month), ("$region", null));
        long? Sum(Func<(string Code, long Total, long? Employers, long? Local), long?> pick) =>
            perRegion.Count == 0 || perRegion.Any(p => pick(p) is null) ? null : perRegion.Sum(p => pick(p)!.Value);
        var ranking = regions.Select(code =>
        {
            var allocation = allocations.Where(a => a.Code == code).OrderBy(a => a.Sequence.HasValue).Select(a => (long?)a.Units).FirstOrDefault();
            var workers = allRegions.Where(p => p.Code == code).Select(p => (long?)p.Total).FirstOrDefault();
            return $"region {code} {workers} {allocation}";
        });
        return Lines(
        [
            $"workers {Sum(p => p.Total)}",
            $"employers {Sum(p => p.Employers)}",
            $"local {Sum(p => p.Local)}",
            .. lines,
            .. ranking,
            $"quota {quota.Units}",
        ]);
    }

    private async Task<string> SqlSeriesAsync()
    {
        await using var connection = await OpenAsync();
        var sums = await QueryAsync(connection, """
            select r.Month, sum(v.Total) from Reports r join Revisions v on v.Id = r.CurrentRevisionId group by r.Month
            """, r => $"sum {r.GetString(0)} {r.GetInt64(1)}");
        var published = await QueryAsync(connection, """
            select r.AsOf, f.Value from PublishedFigures f join Releases r on r.Id = f.ReleaseId where r.IsCurrent and f.Figure = 'Total'
            """, r => $"published {r.GetString(0)} {(long)r.GetDouble(1)}");
        var steps = await QueryAsync(connection, "select count(*) from QuotaRevisions where IsCurrent", r => r.GetInt64(0));
        return Lines([.. sums, .. published, $"quota steps {steps[0]}"]);
    }

    private async Task<string> SqlIssuesAsync()
    {
        await using var connection = await OpenAsync();
        var categoryCount = (await QueryAsync(connection, "select count(*) from Categories", r => r.GetInt64(0)))[0];
        var releases = await QueryAsync(connection, """
            select r.AsOf,
                   sum(case when f.Figure = 'Total' then f.Value end),
                   total(case when f.Figure = 'Category' then f.Value end),
                   count(case when f.Figure = 'Category' then 1 end),
                   total(case when f.Figure = 'Sector' then f.Value end),
                   total(case when f.Figure = 'Country' then f.Value end)
            from PublishedFigures f join Releases r on r.Id = f.ReleaseId where r.IsCurrent
            group by f.ReleaseId
            """, r => (AsOf: DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), Total: NullableDecimal(r, 1),
                Categories: (decimal)r.GetDouble(2), CategoryCount: r.GetInt64(3), Sectors: (decimal)r.GetDouble(4), Countries: (decimal)r.GetDouble(5)));
        var regionalSums = (await QueryAsync(connection, """
            select r.Month, sum(v.Total) from Reports r join Revisions v on v.Id = r.CurrentRevisionId group by r.Month
            """, r => (Month: DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), Total: r.GetInt64(1)))).ToDictionary(x => x.Month, x => x.Total);
        var mismatches = await QueryAsync(connection, """
            select r.Month, v.Total, sum(b.Count) as Lines
            from Reports r join Revisions v on v.Id = r.CurrentRevisionId join BreakdownLines b on b.RevisionId = v.Id
            group by r.Id, b.Dimension having Lines <> v.Total
            """, r => Issue(QualityKind.RegionalMismatch, DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt64(1), r.GetInt64(2)));
        await QueryAsync(connection, "select Year, Units, SharePct from QuotaRevisions where IsCurrent and Units is not null and SharePct is not null", r => r.GetInt32(0));
        var notes = await QueryAsync(connection, """
            select count(*) from (select distinct r.AsOf, f.Note from PublishedFigures f join Releases r on r.Id = f.ReleaseId
                                  where r.IsCurrent and f.Note is not null and f.Note <> '')
            """, r => r.GetInt64(0));

        var issues = new List<string>();
        foreach (var r in releases)
        {
            if (r.Total is not { } total)
            {
                continue;
            }
            if (r.CategoryCount == categoryCount && total != r.Categories)
            {
                issues.Add(Issue(QualityKind.BreakdownGap, r.AsOf, total, r.Categories));
            }
            if (total < r.Sectors)
            {
                issues.Add(Issue(QualityKind.BreakdownGap, r.AsOf, total, r.Sectors));
            }
            if (total < r.Countries)
            {
                issues.Add(Issue(QualityKind.BreakdownGap, r.AsOf, total, r.Countries));
            }
            if (regionalSums.TryGetValue(r.AsOf, out var sum) && sum != (long)total)
            {
                issues.Add(Issue(QualityKind.PublishedVsRegional, r.AsOf, total, sum));
            }
        }
        return Lines([.. issues, .. mismatches, $"notes {notes[0]}"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
