using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Benchmarks;

/// <summary>A throw-away store: the app's own migrations and seed, then monthly reports of every region with full breakdowns.</summary>
public sealed record GeneratedStore(int Years, string File, DateOnly FirstMonth, DateOnly LastMonth, int Reports, long Lines, TimeSpan Elapsed, long Bytes)
{
    public string ConnectionString => $"Data Source={File}";
}

public static class StoreGenerator
{
    public const string Generator = "benchmark generator";

    private static readonly List<string> Countries =
        ["CN", "TR", "UZ", "IN", "RU", "KG", "TJ", "KR", "DE", "GB", "US", "IT", "FR", "UA", "BY", "AZ", "GE", "PK", "VN", "ES"];

    public static async Task<GeneratedStore> CreateAsync(int years, string folder, string dataDirectory, DateOnly lastMonth)
    {
        var file = Path.Combine(folder, $"store-{years}y.db");
        DeleteFiles(file);
        var watch = Stopwatch.StartNew();
        var connectionString = $"Data Source={file}";

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddQuotaDashboardCore(connectionString);
        services.Configure<SeedOptions>(o =>
        {
            o.DataDirectory = dataDirectory;
            o.IllustrativeData = false;
        });
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.InitializeStoreAsync();
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var regions = await ReadColumnAsync(connection, "select Code from Regions order by Code");
        var categories = await ReadColumnAsync(connection, "select Key from Categories order by \"Order\"");
        var sectors = await ReadColumnAsync(connection, "select Letter from Sectors order by Letter");

        var firstMonth = lastMonth.AddMonths(-(years * 12 - 1));
        var random = new Random(20_26 + years);
        var enteredAt = new DateTime(lastMonth.Year, lastMonth.Month, 1, 6, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss");
        var reports = 0;
        long lines = 0;

        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            var report = Command(connection, tx, "insert into Reports (RegionCode, Month, IsIllustrative, CurrentRevisionId, Version) values ($r, $m, 0, null, 1); select last_insert_rowid();", "$r", "$m");
            var revision = Command(connection, tx, "insert into Revisions (ReportId, Number, Total, Employers, LocalEmployees, EnteredBy, EnteredAtUtc) values ($id, 1, $t, $e, $l, $by, $at); select last_insert_rowid();", "$id", "$t", "$e", "$l", "$by", "$at");
            var current = Command(connection, tx, "update Reports set CurrentRevisionId = $rev where Id = $id", "$rev", "$id");
            var line = Command(connection, tx, "insert into BreakdownLines (RevisionId, Dimension, Key, Count) values ($rev, $d, $k, $c)", "$rev", "$d", "$k", "$c");

            foreach (var region in regions)
            {
                var size = random.Next(300, 4_000);
                for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
                {
                    size = Math.Max(50, size + random.Next(-size / 20, size / 20 + 2));
                    var total = size;
                    report.Parameters["$r"].Value = region;
                    report.Parameters["$m"].Value = month.ToString("yyyy-MM-dd");
                    var reportId = (long)(await report.ExecuteScalarAsync())!;

                    revision.Parameters["$id"].Value = reportId;
                    revision.Parameters["$t"].Value = total;
                    revision.Parameters["$e"].Value = Math.Max(1, total / random.Next(8, 15));
                    revision.Parameters["$l"].Value = total * random.Next(6, 12);
                    revision.Parameters["$by"].Value = Generator;
                    revision.Parameters["$at"].Value = enteredAt;
                    var revisionId = (long)(await revision.ExecuteScalarAsync())!;

                    current.Parameters["$rev"].Value = revisionId;
                    current.Parameters["$id"].Value = reportId;
                    await current.ExecuteNonQueryAsync();

                    foreach (var (dimension, keys) in new (string, List<string>)[] { ("Category", categories), ("Sector", sectors), ("Country", Countries) })
                    {
                        var counts = Split(total, keys.Count, random);
                        for (var i = 0; i < keys.Count; i++)
                        {
                            line.Parameters["$rev"].Value = revisionId;
                            line.Parameters["$d"].Value = dimension;
                            line.Parameters["$k"].Value = keys[i];
                            line.Parameters["$c"].Value = counts[i];
                            await line.ExecuteNonQueryAsync();
                            lines++;
                        }
                    }
                    reports++;
                }
            }
            await tx.CommitAsync();
        }
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "pragma wal_checkpoint(truncate); analyze;";
            await checkpoint.ExecuteNonQueryAsync();
        }
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        watch.Stop();
        return new GeneratedStore(years, file, firstMonth, lastMonth, reports, lines, watch.Elapsed, new FileInfo(file).Length);
    }

    /// <summary>A total split into positive-weighted parts that add up to it exactly.</summary>
    private static int[] Split(int total, int parts, Random random)
    {
        var weights = Enumerable.Range(0, parts).Select(i => random.NextDouble() * (parts - i) + 0.05).ToArray();
        var sum = weights.Sum();
        var counts = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
        counts[0] += total - counts.Sum();
        return counts;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static async Task<List<string>> ReadColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    public static void DeleteFiles(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
