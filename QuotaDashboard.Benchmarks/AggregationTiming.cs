using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace QuotaDashboard.Benchmarks;

public sealed record AggregationTime(int Years, string Case, double AppMs, double SqlMs, bool WholeRecord)
{
    public double Ratio => AppMs / SqlMs;
}

/// <summary>BenchmarkDotNet's view of the aggregation cases; it runs in this process, over stores prepared before it starts.</summary>
public class AggregationBenchmarks
{
    /// <summary>Set before the run: one subject per generated store, by years.</summary>
    public static IReadOnlyDictionary<int, AggregationSubject> Subjects { get; set; } = new Dictionary<int, AggregationSubject>();

    public static IEnumerable<int> YearsSource => Subjects.Keys.Order();

    public static IEnumerable<string> CaseSource => Subjects.Values.First().Cases.Select(c => c.Name);

    [ParamsSource(nameof(YearsSource))]
    public int Years { get; set; }

    [ParamsSource(nameof(CaseSource))]
    public string Case { get; set; } = "";

    private AggregationCase _case = null!;

    [GlobalSetup]
    public void Setup() => _case = Subjects[Years].Cases.Single(c => c.Name == Case);

    [Benchmark]
    public Task<string> App() => _case.App();

    [Benchmark]
    public Task<string> Sql() => _case.Sql();

    public static IReadOnlyList<AggregationTime> Run(string artifacts)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(6)
            .WithIterationTime(TimeInterval.FromMilliseconds(120))
            .WithId("aggregation");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run<AggregationBenchmarks>(config);
        var medians = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(
                r => ((int)r.BenchmarkCase.Parameters["Years"], (string)r.BenchmarkCase.Parameters["Case"], r.BenchmarkCase.Descriptor.WorkloadMethod.Name),
                r => r.ResultStatistics!.Median / 1e6);
        var times = new List<AggregationTime>();
        foreach (var years in YearsSource)
        {
            foreach (var name in CaseSource)
            {
                if (!medians.TryGetValue((years, name, nameof(App)), out var app) || !medians.TryGetValue((years, name, nameof(Sql)), out var sql))
                {
                    throw new InvalidOperationException($"BenchmarkDotNet gave no result for {name} over {years} years.");
                }
                times.Add(new AggregationTime(years, name, app, sql, Subjects[years].Cases.Single(c => c.Name == name).WholeRecord));
            }
        }
        return times;
    }

    /// <summary>The smoke check's timing: the fastest of a few calls each, after one warm-up call.</summary>
    public static async Task<IReadOnlyList<AggregationTime>> MinOfAsync(int calls)
    {
        var times = new List<AggregationTime>();
        foreach (var (years, subject) in Subjects.OrderBy(s => s.Key))
        {
            foreach (var c in subject.Cases)
            {
                times.Add(new AggregationTime(years, c.Name, await MinMsAsync(c.App, calls), await MinMsAsync(c.Sql, calls), c.WholeRecord));
            }
        }
        return times;
    }

    private static async Task<double> MinMsAsync(Func<Task<string>> call, int calls)
    {
        await call();
        var best = double.MaxValue;
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }
        return best;
    }
}
