namespace QuotaDashboard.SeedGenerator;

/// <summary>Integer splits that keep their sums exact.</summary>
internal static class Apportion
{
    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (equally if they are all zero).</summary>
    public static int[] LargestRemainder(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum > 0 ? total * w / sum : total / (double)weights.Count).ToArray();
        var parts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var order = Enumerable.Range(0, parts.Length).OrderByDescending(j => exact[j] - parts[j]).ThenBy(j => j).ToArray();
        for (int left = total - parts.Sum(), n = 0; left > 0; left--, n++)
            parts[order[n % order.Length]]++;
        return parts;
    }

    /// <summary>
    /// Fits the seed to both margins by iterative proportional fitting, then rounds so that every row and
    /// every column still adds up exactly. The seed must be positive wherever a row and a column are.
    /// </summary>
    public static int[,] Fit(double[,] seed, int[] rows, int[] columns)
    {
        if (rows.Sum() != columns.Sum())
            throw new ArgumentException($"Rows add up to {rows.Sum()}, columns to {columns.Sum()}.");
        var x = (double[,])seed.Clone();
        for (var iteration = 0; iteration < 2000 && !Scale(x, rows, byRow: true); iteration++)
            Scale(x, columns, byRow: false);
        return RoundKeepingMargins(x, rows, columns);
    }

    // Scales rows (or columns) onto their targets; says whether they were already within tolerance.
    static bool Scale(double[,] x, int[] targets, bool byRow)
    {
        var close = true;
        for (var a = 0; a < targets.Length; a++)
        {
            var sum = 0.0;
            for (var b = 0; b < x.GetLength(byRow ? 1 : 0); b++)
                sum += byRow ? x[a, b] : x[b, a];
            close &= Math.Abs(sum - targets[a]) < 1e-7;
            var factor = sum > 0 ? targets[a] / sum : 0;
            for (var b = 0; b < x.GetLength(byRow ? 1 : 0); b++)
                if (byRow) x[a, b] *= factor; else x[b, a] *= factor;
        }
        return close;
    }

    static int[,] RoundKeepingMargins(double[,] x, int[] rows, int[] columns)
    {
        var n = new int[rows.Length, columns.Length];
        var rowNeed = (int[])rows.Clone();
        var columnNeed = (int[])columns.Clone();
        var cells = new List<(int R, int C, double Value, double Fraction)>();
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < columns.Length; c++)
            {
                n[r, c] = (int)Math.Floor(x[r, c]);
                rowNeed[r] -= n[r, c];
                columnNeed[c] -= n[r, c];
                cells.Add((r, c, x[r, c], x[r, c] - n[r, c]));
            }

        void Give(IEnumerable<(int R, int C, double Value, double Fraction)> candidates)
        {
            foreach (var (r, c, _, _) in candidates)
                if (rowNeed[r] > 0 && columnNeed[c] > 0)
                {
                    n[r, c]++;
                    rowNeed[r]--;
                    columnNeed[c]--;
                }
        }

        Give(cells.Where(c => c.Fraction > 0).OrderByDescending(c => c.Fraction).ThenBy(c => c.R).ThenBy(c => c.C));
        // Whatever the fractions could not place goes to the biggest cells whose row and column still need
        // units; both needs add up to the same number, so each pass places at least one unit.
        var bySize = cells.OrderByDescending(c => c.Value).ThenBy(c => c.R).ThenBy(c => c.C).ToList();
        while (rowNeed.Any(v => v > 0))
            Give(bySize);
        return n;
    }
}
