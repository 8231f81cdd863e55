using System.Globalization;
using System.Text;

namespace QuotaDashboard.Benchmarks;

public sealed record FirstChartResult(int Loads, double MedianMs, double MinMs, double MaxMs, string? SkippedBecause);

public sealed record BenchmarkResults(
    string Mode,
    string Command,
    IReadOnlyList<GeneratedStore> Stores,
    IReadOnlyList<AggregationTime> Aggregation,
    string AggregationMethod,
    int LiveStoreYears,
    int SavesWithoutDashboards,
    double SaveWithoutDashboardsMs,
    IReadOnlyList<FanOutResult> FanOut,
    IReadOnlyList<MemoryResult> Memory,
    FirstChartResult FirstChart,
    CrossInstanceResult AcrossInstances,
    string Machine,
    TimeSpan Elapsed);

/// <summary>The tables of <c>latest.md</c>, the goals marked met or missed, and the plot beside them.</summary>
public static class Results
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Markdown(BenchmarkResults r)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# Benchmark results ({r.Mode})");
        md.AppendLine();
        md.AppendLine(Invariant, $"`{r.Command}` · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {r.Machine} · {r.Elapsed.TotalMinutes:0.0} min");
        md.AppendLine();
        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine("| goal | target | measured | |");
        md.AppendLine("|---|---|---|---|");
        foreach (var line in Goals(r))
        {
            md.AppendLine(line);
        }
        md.AppendLine();

        md.AppendLine("## Live fan-out over real circuits");
        md.AppendLine();
        md.Append(Invariant, $"Headless circuits of the dashboard (signed in as the demo analyst) against the app on loopback, over a {r.LiveStoreYears}-year store. ");
        md.AppendLine("Reports submitted through `ReportCommands.SaveAsync` as the Almaty officer and accepted through `ReviewCommands.AcceptAsync` as the analyst (the save timed is both), one after another, each once every dashboard shows the one before and the process is idle again; " +
            "each circuit timed from the start of a save to the render batch that carries the new national figure. " +
            "CPU is the process's (app and clients) from the start of a save until every chart has its update, per dashboard.");
        md.AppendLine();
        md.AppendLine("Every save adds a revision to the same report, and a save takes longer the more revisions its report has, so each row's saves are compared with saves with no dashboard open " +
            "taken just before its dashboards opened and just after they closed.");
        md.AppendLine();
        md.AppendLine("| dashboards open | save returns after (median; all saves) | with none open around them (median; all) | p50 / p95 / max until each dashboard has the change, over all saves | CPU per dashboard per change | missed | opening them took |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        md.AppendLine(Invariant, $"| 0 | {Ms(r.SaveWithoutDashboardsMs)} (median of {r.SavesWithoutDashboards}, first) | — | — | — | — | — |");
        foreach (var f in r.FanOut)
        {
            md.AppendLine(Invariant, $"| {f.Dashboards} | {Ms(f.SaveMs)} ({Join(f.SavesMs)}) | {Ms(f.SaveAloneMs)} ({Join(f.AloneMs)}) | " +
                $"{Ms(f.P50Ms)} / {Ms(f.P95Ms)} / {Ms(f.MaxMs)} | {f.CpuMsPerDashboard:0.00} ms | {f.Missed} | {f.OpenSeconds:0.0} s |");
        }
        md.AppendLine();

        md.AppendLine("## Two instances on one PostgreSQL database");
        md.AppendLine();
        if (r.AcrossInstances.FanOut is { } x)
        {
            md.AppendLine("Instances A and B of the app on one new PostgreSQL database (the app's migrations and seed, then a report of the month for every region entered by the analyst), " +
                "as behind the proxy. Dashboards open on B as headless circuits; the same write as above made on A. Each dashboard timed from the start of the save on A " +
                "to the render batch on B that carries the new national figure: the change travels by PostgreSQL's `LISTEN/NOTIFY`, then B recomputes the month once and tells its pages. " +
                "Both instances and the clients run in this one process on the same cores, so B's work for its dashboards competes with the rest of A's save here, as it would not on machines of their own.");
            md.AppendLine();
            md.AppendLine("| dashboards open on B | save on A returns after (median; all) | with none open (median; all) | p50 / p95 / max until each dashboard on B has the change | missed | opening them took |");
            md.AppendLine("|---|---|---|---|---|---|");
            md.AppendLine(Invariant, $"| {x.Dashboards} | {Ms(x.SaveMs)} ({Join(x.SavesMs)}) | {Ms(x.SaveAloneMs)} ({Join(x.AloneMs)}) | {Ms(x.P50Ms)} / {Ms(x.P95Ms)} / {Ms(x.MaxMs)} | {x.Missed} | {x.OpenSeconds:0.0} s |");
        }
        else
        {
            md.AppendLine($"Skipped: {r.AcrossInstances.SkippedBecause}");
        }
        md.AppendLine();

        md.AppendLine("## Memory per idle dashboard circuit");
        md.AppendLine();
        md.AppendLine("Managed heap after a full GC (`GC.GetTotalMemory(true)`) before and after opening the circuits: the app's with the headless clients in a process of their own, " +
            "as the dashboards open and once each has shown a saved change (a page rendered twice keeps both render trees); the clients' in that process; and both in one process as the fan-out runs them.");
        md.AppendLine();
        md.AppendLine("| dashboards open | app (clients apart) | app, after a change | headless clients | both in one process |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var m in r.Memory)
        {
            md.AppendLine(Invariant, $"| {m.Dashboards} | {Kib(m.ServerBytes, m.Dashboards)} | {Kib(m.ServerAfterChangeBytes, m.Dashboards)} | {Kib(m.ClientBytes, m.Dashboards)} | {Kib(m.InOneProcessBytes, m.Dashboards)} |");
        }
        md.AppendLine();

        md.AppendLine("## Aggregation: query services against hand-written SQL");
        md.AppendLine();
        md.AppendLine(Invariant, $"Same store, same answer (checked before timing). {r.AggregationMethod}");
        md.AppendLine();
        md.AppendLine("The dashboards are month views: each region's latest report on or before the month is one index seek, so their time should not grow with the years stored. " +
            "The timeline series returns every month and the data quality checks every report, so their time grows with the record for the SQL too; they are held to the ratio only.");
        md.AppendLine();
        var years = r.Aggregation.Select(a => a.Years).Distinct().Order().ToList();
        md.AppendLine("| query | " + string.Join(" | ", years.Select(y => $"{y} y: app / SQL (×)")) + " | ratio growth | app growth |");
        md.AppendLine("|---|" + string.Concat(years.Select(_ => "---|")) + "---|---|");
        foreach (var group in r.Aggregation.GroupBy(a => a.Case))
        {
            var byYears = group.OrderBy(a => a.Years).ToList();
            var first = byYears[0];
            var last = byYears[^1];
            md.AppendLine($"| {group.Key} | " + string.Join(" | ", byYears.Select(a => string.Create(Invariant, $"{Ms(a.AppMs)} / {Ms(a.SqlMs)} (×{a.Ratio:0.0})"))) +
                string.Create(Invariant, $" | ×{last.Ratio / first.Ratio:0.00} | ×{last.AppMs / first.AppMs:0.00} |"));
        }
        md.AppendLine();

        md.AppendLine("## Store generator");
        md.AppendLine();
        md.AppendLine("20 regions × every month, each report with 6 categories, 21 OKED sections and 20 countries; the app's migrations and seed first.");
        md.AppendLine();
        md.AppendLine("| years | reports | breakdown lines | generated in | file |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var s in r.Stores)
        {
            md.AppendLine(Invariant, $"| {s.Years} | {s.Reports:N0} | {s.Lines:N0} | {s.Elapsed.TotalSeconds:0.0} s | {s.Bytes / 1048576.0:0.0} MiB |");
        }
        md.AppendLine();

        md.AppendLine("## First chart drawn in Chromium");
        md.AppendLine();
        md.AppendLine(r.FirstChart.SkippedBecause is { } why
            ? $"Skipped: {why}"
            : string.Create(Invariant, $"Cold page load (new browser context, signed in) until `canvas[data-chart='workers-by-category']` has `data-rendered=\"true\"`: median {Ms(r.FirstChart.MedianMs)} of {r.FirstChart.Loads} (min {Ms(r.FirstChart.MinMs)}, max {Ms(r.FirstChart.MaxMs)})."));
        return md.ToString();
    }

    private static IEnumerable<string> Goals(BenchmarkResults r)
    {
        var largest = r.FanOut.OrderBy(f => f.Dashboards).LastOrDefault();
        if (largest is not null)
        {
            var ratio = largest.SaveMs / largest.SaveAloneMs;
            yield return Goal($"save with {largest.Dashboards} dashboards open", "≤ 1.2× save with none",
                $"{Ms(largest.SaveMs)} vs {Ms(largest.SaveAloneMs)} (×{ratio:0.00})", ratio <= 1.2, $"×{ratio / 1.2:0.00} over");
            yield return Goal($"p95 until all {largest.Dashboards} dashboards show the change", "< 1 s",
                largest.Missed > 0 ? $"{Ms(largest.P95Ms)}, {largest.Missed} never" : Ms(largest.P95Ms),
                largest.Missed == 0 && largest.P95Ms < 1000, $"{Ms(largest.P95Ms - 1000)} over");
        }
        if (r.Aggregation.Count > 0)
        {
            var worst = r.Aggregation.MaxBy(a => a.Ratio)!;
            yield return Goal("aggregation against hand-written SQL", "within 1.5×",
                $"worst ×{worst.Ratio:0.0} ({worst.Case}, {worst.Years} y)", worst.Ratio <= 1.5, $"×{worst.Ratio / 1.5:0.0} over");
            if (r.Aggregation.Select(a => a.Years).Distinct().Count() < 2)
            {
                yield return "| month views flat as the record grows | app time grows ≤ 1.5× | one store size only | not measured |";
            }
            else
            {
                static (string Case, double App, double Sql) Growth(IGrouping<string, AggregationTime> g) =>
                    (g.Key, g.MaxBy(a => a.Years)!.AppMs / g.MinBy(a => a.Years)!.AppMs, g.MaxBy(a => a.Years)!.SqlMs / g.MinBy(a => a.Years)!.SqlMs);
                var span = $"{r.Aggregation.Min(a => a.Years)} to {r.Aggregation.Max(a => a.Years)} years";
                // A month view reads one report per region however long the record, so its time must not grow; the timeline returns
                // every month and the data quality checks every report, so theirs grows with the record for the SQL as well.
                if (r.Aggregation.Where(a => !a.WholeRecord).GroupBy(a => a.Case).Select(Growth).OrderByDescending(g => g.App).FirstOrDefault() is { Case: not null } month)
                {
                    yield return Goal($"month views (dashboards) flat from {span}", "app time grows ≤ 1.5×",
                        $"worst ×{month.App:0.0} ({month.Case})", month.App <= 1.5, $"×{month.App / 1.5:0.0} over");
                }
                foreach (var whole in r.Aggregation.Where(a => a.WholeRecord).GroupBy(a => a.Case).Select(Growth))
                {
                    yield return $"| {whole.Case}: not a flatness goal, it covers every month of the record | within 1.5× of the SQL (above) | " +
                        $"app ×{whole.App:0.0}, SQL ×{whole.Sql:0.0} from {span} | grows with the record, as the SQL does |";
                }
            }
        }
        yield return r.AcrossInstances.FanOut is { } x
            ? Goal($"p95 until all {x.Dashboards} dashboards on instance B show a save made on A", "< 1 s",
                x.Missed > 0 ? $"{Ms(x.P95Ms)}, {x.Missed} never" : Ms(x.P95Ms), x.Missed == 0 && x.P95Ms < 1000, $"{Ms(x.P95Ms - 1000)} over")
            : "| a save on instance A shown on instance B | < 1 s | not measured | skipped |";
        foreach (var m in r.Memory.OrderBy(m => m.Dashboards).TakeLast(1))
        {
            var kib = m.ServerBytesPerCircuit / 1024.0;
            yield return Goal($"managed memory per idle dashboard in the app ({m.Dashboards} open)", "≤ 400 KB",
                $"{kib:0} KiB", m.ServerBytesPerCircuit <= 400 * 1000, $"×{m.ServerBytesPerCircuit / 400_000.0:0.0} over");
        }
        yield return r.FirstChart.SkippedBecause is null
            ? Goal("first chart drawn, cold load", "< 1 s", $"median {Ms(r.FirstChart.MedianMs)} of {r.FirstChart.Loads}",
                r.FirstChart.MedianMs < 1000, $"{Ms(r.FirstChart.MedianMs - 1000)} over")
            : "| first chart drawn, cold load | < 1 s | not measured | skipped |";
    }

    private static string Goal(string what, string target, string measured, bool met, string miss) =>
        $"| {what} | {target} | {measured} | {(met ? "met" : "missed: " + miss)} |";

    private static string Join(IEnumerable<double> ms) => string.Join(", ", ms.Select(t => t.ToString("0", Invariant)));

    private static string Kib(long bytes, int dashboards) => bytes < 0
        ? "— (a dashboard never showed the change)"
        : string.Create(Invariant, $"{bytes / 1048576.0:0.0} MiB, {bytes / dashboards / 1024.0:0} KiB each");

    private static string Ms(double ms) => double.IsNaN(ms) ? "—" : ms >= 10 ? string.Create(Invariant, $"{ms:N0} ms") : string.Create(Invariant, $"{ms:0.00} ms");

    /// <summary>The main table of <c>latest.md</c>, the part the README copies.</summary>
    public static string GoalsTable(string markdown)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("| goal |", StringComparison.Ordinal));
        return string.Join('\n', lines.Skip(start).TakeWhile(l => l.StartsWith('|')));
    }

    public static void Plot(BenchmarkResults r, string path)
    {
        var live = new ScottPlot.Plot();
        double[] n = [.. r.FanOut.Select(f => (double)f.Dashboards)];
        void Line(ScottPlot.Plot plot, double[] xs, double[] ys, string label)
        {
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = label;
        }
        Line(live, n, [.. r.FanOut.Select(f => f.SaveMs)], "save returns");
        Line(live, n, [.. r.FanOut.Select(f => f.SaveAloneMs)], "save returns, none open (around)");
        Line(live, n, [.. r.FanOut.Select(f => f.P50Ms)], "p50 dashboard updated");
        Line(live, n, [.. r.FanOut.Select(f => f.P95Ms)], "p95 dashboard updated");
        Line(live, n, [.. r.FanOut.Select(f => f.MaxMs)], "last dashboard updated");
        var goal = live.Add.HorizontalLine(1000);
        goal.LegendText = "goal: p95 < 1 s";
        live.Title("Live fan-out: one save, N open dashboards");
        live.XLabel("dashboards open");
        live.YLabel("ms");
        live.ShowLegend(ScottPlot.Alignment.UpperLeft);

        live.SavePng(path, 1000, 600);
    }
}
