using System.Globalization;
using System.Text;
using CsvHelper;

namespace QuotaDashboard.Features.Reports;

/// <summary>A data row of an uploaded file, read as far as its cells allow; <paramref name="Unreadable"/> holds the <see cref="ReportField"/>s whose cells could not be read.</summary>
public sealed record ReportCsvRow(int Row, ReportInput Input, IReadOnlySet<string> Unreadable);

public sealed record CsvReadResult(IReadOnlyList<ReportCsvRow> Rows, IReadOnlyList<Problem> Problems);

/// <summary>
/// The bulk-entry file: one row per report (region, month) with the counts in columns, the OKED sections one column each,
/// and the countries in one cell as <c>CN=120; UZ=40; other=5</c>. An empty cell is a figure not given.
/// </summary>
public sealed class ReportCsv
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const string SectorPrefix = "sector_";
    public const string MonthFormat = "yyyy-MM";

    /// <summary>The field of a problem with the file as a whole rather than with one of its reports.</summary>
    public const string FileField = "file";

    private static readonly Problem EmptyFile = FileProblemOf(ReportProblems.FileEmpty);
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static readonly (byte[] Signature, string Code)[] BinaryKinds =
    [
        ([0x89, 0x50, 0x4E, 0x47], ReportProblems.FilePng),
        ([0xFF, 0xD8, 0xFF], ReportProblems.FileJpeg),
        ("GIF8"u8.ToArray(), ReportProblems.FileGif),
        ("%PDF"u8.ToArray(), ReportProblems.FilePdf),
        ([0x50, 0x4B, 0x03, 0x04], ReportProblems.FileZip),
        ([0xD0, 0xCF, 0x11, 0xE0], ReportProblems.FileXls),
    ];

    private readonly IReadOnlyList<string> _categories;
    private readonly IReadOnlyList<string> _sectors;
    private readonly string[] _columns;

    /// <param name="categoryKeys">The permit categories in their order.</param>
    /// <param name="sectorLetters">The OKED sections in their order.</param>
    public ReportCsv(IReadOnlyList<string> categoryKeys, IReadOnlyList<string> sectorLetters)
    {
        _categories = categoryKeys;
        _sectors = sectorLetters;
        // The columns are named as the report's fields are, so that a report's problems name their column.
        _columns = [ReportField.Region, ReportField.Month, ReportField.Total, .. categoryKeys, ReportField.Employers, ReportField.LocalEmployees,
            ReportField.Comment, ReportField.MismatchReason, .. sectorLetters.Select(s => SectorPrefix + s), ReportField.Countries];
    }

    /// <summary>The header of the file, in the template's order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The column, or the range of columns, that a problem of a report is about.</summary>
    public string Column(Problem problem) => (problem.Field, problem.Key) switch
    {
        (ReportField.Categories, null) => $"{_categories[0]}–{_categories[^1]}",
        (ReportField.Categories, { } key) => key,
        (ReportField.Sectors, null) => $"{SectorPrefix}{_sectors[0]}–{SectorPrefix}{_sectors[^1]}",
        (ReportField.Sectors, { } key) => SectorPrefix + key,
        _ => problem.Field,
    };

    /// <summary>Orders problems as the file reads: by row, then by column.</summary>
    public IReadOnlyList<Problem> InFileOrder(IEnumerable<Problem> problems) => problems
        .OrderBy(p => p.Row ?? 0)
        .ThenBy(p => ColumnOrder(p.Column))
        .ToList();

    private int ColumnOrder(string? column) => column is null ? -1 : Array.IndexOf(_columns, column.Split('–')[0]) is >= 0 and var i ? i : _columns.Length;

    public static Problem TooLarge(long? bytes) => bytes is { } size
        ? FileProblemOf(ReportProblems.FileTooLarge, Math.Round(size / (1024.0 * 1024), 1), MaxFileBytes / (1024 * 1024))
        : FileProblemOf(ReportProblems.FileTooLargeUnknown, MaxFileBytes / (1024 * 1024));

    private static Problem FileProblemOf(string code, params object?[] args) => new(FileField, code, args);

    private static Problem RowProblem(int row, string code, params object?[] args) => new Problem(FileField, code, args).At(row, null);

    /// <summary>The template: UTF-8 with a byte order mark, so that spreadsheets read Cyrillic, the header and one example row with its counts left empty.</summary>
    public byte[] Template(string exampleRegion, DateOnly exampleMonth)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = ',', WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader([.. Columns]);
            csv.WriteRecord([exampleRegion, exampleMonth.ToString(MonthFormat, CultureInfo.InvariantCulture), .. Columns.Skip(2).Select(_ => "")]);
        }
        return output.ToArray();
    }

    /// <summary>Reads a whole file, collecting every problem; a problem with the file as a whole stops the reading.</summary>
    public CsvReadResult Read(byte[] bytes)
    {
        if (FileProblem(bytes) is { } problem)
        {
            return new CsvReadResult([], [problem]);
        }
        var problems = new List<Problem>();
        var malformed = new Dictionary<long, CsvMalformedReason>();
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions
        {
            Separator = ',',
            // Blank lines count as rows, as a spreadsheet shows them, so that row numbers match.
            SkipEmptyLines = false,
            OnMalformedRecord = m => malformed.TryAdd(m.RecordNumber, m.Reason),
        });
        csv.ReadHeader();
        var header = csv.Headers.Select(h => h.Trim()).ToList();
        if (header.Count == 0 || header.All(h => h.Length == 0))
        {
            return new CsvReadResult([], [EmptyFile]);
        }
        if (HeaderProblems(header) is { Count: > 0 } headerProblems)
        {
            return new CsvReadResult([], headerProblems);
        }

        var index = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.OrdinalIgnoreCase);
        var rows = new List<ReportCsvRow>();
        var dataRows = 0;
        while (csv.Read())
        {
            var row = checked((int)csv.RowNumber + 1);
            var cells = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            dataRows++;
            if (malformed.TryGetValue(row, out var reason))
            {
                problems.Add(RowProblem(row, Quotes(reason)));
            }
            else if (cells.Length != header.Count)
            {
                problems.Add(RowProblem(row, ReportProblems.CellCount, cells.Length, header.Count));
            }
            else
            {
                rows.Add(ReadRow(row, column => cells[index[column]].Trim(), column => cells[index[column]], problems));
            }
        }
        if (dataRows == 0)
        {
            problems.Add(FileProblemOf(ReportProblems.FileNoRows));
        }
        return new CsvReadResult(rows, problems);
    }

    /// <summary>The problems of a file that is not CSV text at all, or not in UTF-8.</summary>
    private static Problem? FileProblem(byte[] bytes)
    {
        var content = bytes.AsSpan(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        if (content.Trim(" \t\r\n"u8).IsEmpty)
        {
            return EmptyFile;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return FileProblemOf(ReportProblems.FileUtf16);
        }
        foreach (var (signature, code) in BinaryKinds)
        {
            if (content.StartsWith(signature))
            {
                return FileProblemOf(code);
            }
        }
        if (content[..Math.Min(content.Length, 8192)].Contains((byte)0))
        {
            return FileProblemOf(ReportProblems.FileBinary);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? ex.Index : 0;
            var row = content[..Math.Min(at, content.Length)].Count((byte)'\n') + 1;
            return RowProblem(row, ReportProblems.FileNotUtf8);
        }
        if (text.TrimStart().StartsWith('<'))
        {
            return FileProblemOf(ReportProblems.FileHtml);
        }
        return null;
    }

    private List<Problem> HeaderProblems(IReadOnlyList<string> header)
    {
        var expected = new HashSet<string>(Columns, StringComparer.OrdinalIgnoreCase);
        var wanted = string.Join(",", Columns);
        if (header.Count == 1 && header[0].Contains(';'))
        {
            return [RowProblem(1, ReportProblems.HeaderSemicolons, wanted)];
        }
        if (!header.Any(expected.Contains))
        {
            // Another table altogether: a list of every column it lacks would hide the point.
            return [RowProblem(1, ReportProblems.HeaderNotTemplate, wanted)];
        }
        var problems = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in header)
        {
            if (!expected.Contains(name))
            {
                problems.Add((name.Length == 0 ? RowProblem(1, ReportProblems.ColumnNoName) : RowProblem(1, ReportProblems.ColumnUnknown, name)) with { Column = name });
            }
            else if (!seen.Add(name))
            {
                problems.Add(RowProblem(1, ReportProblems.ColumnTwice, name) with { Column = name });
            }
        }
        problems.AddRange(Columns.Where(c => !seen.Contains(c)).Select(c => RowProblem(1, ReportProblems.ColumnMissing, c) with { Column = c }));
        if (problems.Count > 0)
        {
            problems.Add(RowProblem(1, ReportProblems.HeaderWanted, wanted));
        }
        return problems;
    }

    private ReportCsvRow ReadRow(int row, Func<string, string> cell, Func<string, string> rawCell, List<Problem> problems)
    {
        var unreadable = new HashSet<string>();
        void Problem(string column, string field, Problem problem)
        {
            problems.Add(problem.At(row, column));
            unreadable.Add(field);
        }
        int? Count(string column, string field)
        {
            var text = cell(column);
            if (text.Length == 0)
            {
                return null;
            }
            if (ParseCount(text, out var value) is { } problem)
            {
                Problem(column, field, problem with { Field = field });
                return null;
            }
            return value;
        }
        Dictionary<string, int> Breakdown(IEnumerable<(string Key, string Column)> columns, string field) =>
            columns.Select(c => (c.Key, Value: Count(c.Column, field)))
                .Where(c => c.Value is not null)
                .ToDictionary(c => c.Key, c => c.Value!.Value);

        var region = cell(ReportField.Region);
        if (region.Length == 0)
        {
            Problem(ReportField.Region, ReportField.Region, new(ReportField.Region, ReportProblems.RegionMissing));
        }
        var monthText = cell(ReportField.Month);
        if (!DateOnly.TryParseExact(monthText, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            Problem(ReportField.Month, ReportField.Month, monthText.Length == 0
                ? new(ReportField.Month, ReportProblems.MonthMissing)
                : new(ReportField.Month, ReportProblems.MonthUnreadable, monthText));
        }
        var total = Count(ReportField.Total, ReportField.Total);
        if (total is null && !unreadable.Contains(ReportField.Total))
        {
            Problem(ReportField.Total, ReportField.Total, new(ReportField.Total, ReportProblems.TotalMissing));
        }
        if (unreadable.Contains(ReportField.Total))
        {
            // Without a total, whether a breakdown adds up cannot be told.
            unreadable.UnionWith([ReportField.Categories, ReportField.Sectors, ReportField.Countries]);
        }
        var input = new ReportInput(
            region,
            month,
            total ?? 0,
            Breakdown(_categories.Select(k => (k, k)), ReportField.Categories),
            Breakdown(_sectors.Select(s => (s, SectorPrefix + s)), ReportField.Sectors),
            CountryCounts(cell(ReportField.Countries), problem => Problem(ReportField.Countries, ReportField.Countries, problem)),
            Count(ReportField.Employers, ReportField.Employers),
            Count(ReportField.LocalEmployees, ReportField.LocalEmployees),
            NullIfEmpty(rawCell(ReportField.Comment)),
            NullIfEmpty(rawCell(ReportField.MismatchReason)));
        return new ReportCsvRow(row, input, unreadable);
    }

    /// <summary>The countries cell, <c>CN=120; UZ=40; other=5</c>: ISO alpha-2 codes or "other".</summary>
    private static Dictionary<string, int> CountryCounts(string text, Action<Problem> problem)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0 || pair[1].Length == 0)
            {
                problem(new(ReportField.Countries, ReportProblems.CountryPair, part));
                continue;
            }
            var code = pair[0].Equals(Names.OtherKey, StringComparison.OrdinalIgnoreCase) ? Names.OtherKey : pair[0].ToUpperInvariant();
            if (ParseCount(pair[1], out var value) is { } wrong)
            {
                problem(wrong with { Field = ReportField.Countries, Key = code });
            }
            else if (!counts.TryAdd(code, value))
            {
                problem(Problem.For(ReportField.Countries, code, ReportProblems.CountryTwice, code));
            }
        }
        return counts;
    }

    /// <summary>Reads a count; whether it lies in range is the report's own rule (<see cref="ReportCommands"/>).</summary>
    /// <remarks>The problem's field is the caller's to set.</remarks>
    private static Problem? ParseCount(string text, out int value)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new(FileField, ReportProblems.NotANumber, text);
        }
        if (number != decimal.Truncate(number))
        {
            return new(FileField, ReportProblems.NotWhole, text);
        }
        if (number is < int.MinValue or > int.MaxValue)
        {
            return new(FileField, ReportProblems.OutOfRange, text, ReportCommands.MaxCount);
        }
        value = (int)number;
        return null;
    }

    private static string Quotes(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => ReportProblems.QuotesStray,
        CsvMalformedReason.TextAfterClosingQuote => ReportProblems.QuotesAfterClosing,
        CsvMalformedReason.UnterminatedQuote => ReportProblems.QuotesUnterminated,
        CsvMalformedReason.LineBreakInQuotes => ReportProblems.QuotesLineBreak,
        _ => ReportProblems.QuotesBroken,
    };

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
