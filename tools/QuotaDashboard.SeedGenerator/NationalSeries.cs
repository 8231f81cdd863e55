namespace QuotaDashboard.SeedGenerator;

/// <summary>The keys of one breakdown, in file order, and their counts.</summary>
internal sealed record Breakdown(string[] Keys, int[] Values)
{
    public int this[string key] => Values[Array.IndexOf(Keys, key)];
}

internal sealed record NationalMonth(int Total, IReadOnlyDictionary<string, Breakdown> Breakdowns, int Employers, int LocalEmployees);

/// <summary>
/// One national picture per month: the published figures where a release gives them, smooth interpolation
/// between releases elsewhere, and the unpublished rest of each breakdown shared out plausibly.
/// </summary>
internal static class NationalSeries
{
    // January..December. Seasonal shares are interpolated divided by this, then multiplied back,
    // so that months between releases get the warm-month peak rather than a straight line.
    static readonly double[] Season = [0.35, 0.35, 0.5, 0.7, 0.9, 1, 1, 1, 1, 0.85, 0.65, 0.45];

    static readonly HashSet<(string Figure, string Key)> Seasonal =
        [(ReportFigures.Category, "seasonal"), (ReportFigures.Sector, "A"), (ReportFigures.Country, "UZ")];

    // 2024-04-01 printed seasonal 2 458 and intra-corporate 1 196, which look swapped (RELEASES.md):
    // they stay exact on that date but do not shape the months around it.
    static readonly HashSet<(DateOnly Month, string Figure, string Key)> NotShaping =
        [(new(2024, 4, 1), ReportFigures.Category, "seasonal"), (new(2024, 4, 1), ReportFigures.Category, "ict")];

    public static IReadOnlyList<NationalMonth> Build(InputData input, List<DateOnly> months)
    {
        var published = input.Releases.Where(f => months.Contains(f.Month)).ToList();
        var totals = published.Where(f => f.Figure == ReportFigures.Total).ToDictionary(f => f.Month, f => f.Value);
        int At(DateOnly month) => months.IndexOf(month);
        double Profile(string figure, string key, DateOnly month) =>
            Seasonal.Contains((figure, key)) ? Season[month.Month - 1] : 1;

        // Share of the total per month, or null for a key no release in range gives.
        double[]? Shares(string figure, string key)
        {
            var points = published
                .Where(f => f.Figure == figure && f.Key == key && !NotShaping.Contains((f.Month, figure, key)))
                .Select(f => (X: At(f.Month), Y: f.Value / (double)totals[f.Month] / Profile(figure, key, f.Month)))
                .OrderBy(p => p.X).ToList();
            return points.Count == 0 ? null
                : months.Select((m, i) => Interpolate(points, i) * Profile(figure, key, m)).ToArray();
        }

        var seasonal = Shares(ReportFigures.Category, "seasonal") ?? new double[months.Count];
        // The non-seasonal workforce moves in a straight line between releases; seasonal work rides on top.
        var steady = totals.Select(t => (X: At(t.Key), Y: t.Value * (1 - seasonal[At(t.Key)]))).OrderBy(p => p.X).ToList();
        var total = months.Select((m, i) => totals.TryGetValue(m, out var t) ? t : Round(Interpolate(steady, i) / (1 - seasonal[i]))).ToArray();

        var keys = new Dictionary<string, string[]>
        {
            [ReportFigures.Category] = input.Categories,
            [ReportFigures.Sector] = input.Sectors,
            [ReportFigures.Country] = published.Where(f => f.Figure == ReportFigures.Country).Select(f => f.Key)
                .Concat(RegionProfiles.Unnamed[ReportFigures.Country].Keys).Distinct().Order(StringComparer.Ordinal).ToArray(),
        };
        var breakdowns = keys.ToDictionary(k => k.Key, k => Family(k.Key, k.Value));

        int[] Level(string figure)
        {
            var points = published.Where(f => f.Figure == figure).Select(f => (X: At(f.Month), Y: (double)f.Value)).OrderBy(p => p.X).ToList();
            return months.Select((_, i) => Round(Interpolate(points, i))).ToArray();
        }
        var employers = Level(ReportFigures.Employers);
        var localEmployees = Level(ReportFigures.LocalEmployees);

        return months.Select((_, i) => new NationalMonth(total[i],
            breakdowns.ToDictionary(b => b.Key, b => b.Value[i]), employers[i], localEmployees[i])).ToList();

        Breakdown[] Family(string figure, string[] familyKeys)
        {
            var shares = familyKeys.ToDictionary(k => k, k => Shares(figure, k));
            var unnamed = RegionProfiles.Unnamed.GetValueOrDefault(figure) ?? new Dictionary<string, double>();
            var unnamedWeight = familyKeys.Where(k => shares[k] is null).Sum(k => unnamed.GetValueOrDefault(k));
            return months.Select((month, i) =>
            {
                var named = familyKeys.Sum(k => shares[k]?[i] ?? 0);
                double Smooth(string key) => shares[key]?[i]
                    ?? (unnamedWeight > 0 ? Math.Max(0.05, 1 - named) * unnamed.GetValueOrDefault(key) / unnamedWeight : 0);
                var given = published.Where(f => f.Month == month && f.Figure == figure).ToDictionary(f => f.Key, f => f.Value);
                return Mix(total[i], familyKeys, Smooth, given);
            }).ToArray();
        }
    }

    /// <summary>Published keys exactly; the rest of the total shared among the other keys by their smooth shares.</summary>
    static Breakdown Mix(int total, string[] keys, Func<string, double> smooth, Dictionary<string, int> given)
    {
        var values = keys.Select(k => given.GetValueOrDefault(k)).ToArray();
        var open = Enumerable.Range(0, keys.Length).Where(j => !given.ContainsKey(keys[j])).ToArray();
        var rest = total - values.Sum();
        if (open.Length > 0 && rest >= 0)
        {
            var parts = Apportion.LargestRemainder(rest, open.Select(j => smooth(keys[j])).ToArray());
            for (var j = 0; j < open.Length; j++)
                values[open[j]] = parts[j];
        }
        else if (open.Length == 0)
            // Every key is published but they disagree with the total (2025-09..12): the largest absorbs the
            // gap so that every region stays consistent in itself; the dashboard shows the published gap.
            values[Array.IndexOf(values, values.Max())] += rest;
        else
            throw new InvalidDataException(FormattableString.Invariant($"Published parts exceed the total {total}."));
        if (values.Any(v => v < 0))
            throw new InvalidDataException(FormattableString.Invariant($"A breakdown of {total} cannot follow its total without a negative count."));
        return new Breakdown(keys, values);
    }

    static double Interpolate(IReadOnlyList<(int X, double Y)> points, int x)
    {
        if (x <= points[0].X) return points[0].Y;
        if (x >= points[^1].X) return points[^1].Y;
        var right = points.First(p => p.X >= x);
        var left = points.Last(p => p.X <= x);
        return right.X == left.X ? left.Y : left.Y + (right.Y - left.Y) * (x - left.X) / (right.X - left.X);
    }

    static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
}
