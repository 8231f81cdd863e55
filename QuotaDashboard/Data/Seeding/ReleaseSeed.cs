using System.Globalization;

namespace QuotaDashboard.Data.Seeding;

/// <summary>Turns the one-row-per-figure release file into releases, keeping every value and source as printed.</summary>
public static class ReleaseSeed
{
    public static IEnumerable<PublishedRelease> FromRows(IEnumerable<ReleaseRow> rows) =>
        rows.GroupBy(r => r.AsOf).Select(g =>
        {
            var first = g.First();
            return new PublishedRelease
            {
                AsOf = ParseAsOf(first.AsOf),
                AsOfPrecision = Enum.Parse<DatePrecision>(first.AsOfPrecision, ignoreCase: true),
                PublishedOn = string.IsNullOrEmpty(first.PublishedOn) ? null : DateOnly.ParseExact(first.PublishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                EnteredAtUtc = DateTime.UtcNow,
                Figures = g.Select(r => new PublishedFigure
                {
                    Figure = ParseFigure(r.Figure),
                    Key = r.Key,
                    Value = r.Value,
                    Sources = r.Sources,
                    Note = NullIfEmpty(r.Note),
                    NoteRu = NullIfEmpty(r.NoteRu),
                    NoteKk = NullIfEmpty(r.NoteKk),
                }).ToList(),
            };
        });

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A release that gives only a month describes that month's first day; no day is invented.</summary>
    public static DateOnly ParseAsOf(string asOf) =>
        asOf.Length == 7
            ? DateOnly.ParseExact(asOf + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static FigureKind ParseFigure(string figure) =>
        FigureNames.TryParse(figure, out var kind) ? kind : throw new FormatException($"Unknown figure '{figure}' in releases.csv.");
}
