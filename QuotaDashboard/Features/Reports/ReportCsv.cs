using System.Globalization;
using System.Text;
using CsvHelper;

namespace QuotaDashboard.Features.Reports;

/// <summary>A problem with an uploaded file: <paramref name="Row"/> as a spreadsheet numbers it (the header is row 1), null for the file as a whole.</summary>
public sealed record CsvProblem(int? Row, string? Column, string Message);

/// <summary>A data row of an uploaded file, read as far as its cells allow; <paramref name="Unreadable"/> holds the <see cref="ReportField"/>s whose cells could not be read.</summary>
public sealed record ReportCsvRow(int Row, ReportInput Input, IReadOnlySet<string> Unreadable);

public sealed record CsvReadResult(IReadOnlyList<ReportCsvRow> Rows, IReadOnlyList<CsvProblem> Problems);

/// <summary>
/// The bulk-entry file: one row per report (region, month) with the counts in columns, the OKED sections one column each,
/// and the countries in one cell as <c>CN=120; UZ=40; other=5</c>. An empty cell is a figure not given.
/// </summary>
public sealed class ReportCsv
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const string SectorPrefix = "sector_";
    public const string MonthFormat = "yyyy-MM";

    private static readonly CsvProblem EmptyFile = new(null, null, "The file is empty: fill in the template and upload it.");
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static readonly (byte[] Signature, string What)[] BinaryKinds =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "an Excel workbook (.xlsx) or another ZIP archive"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an Excel 97–2003 workbook (.xls)"),
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
    public string Column(ReportProblem problem) => (problem.Field, problem.Key) switch
    {
        (ReportField.Categories, null) => $"{_categories[0]}–{_categories[^1]}",
        (ReportField.Categories, { } key) => key,
        (ReportField.Sectors, null) => $"{SectorPrefix}{_sectors[0]}–{SectorPrefix}{_sectors[^1]}",
        (ReportField.Sectors, { } key) => SectorPrefix + key,
        _ => problem.Field,
    };

    /// <summary>Orders problems as the file reads: by row, then by column.</summary>
    public IReadOnlyList<CsvProblem> InFileOrder(IEnumerable<CsvProblem> problems) => problems
        .OrderBy(p => p.Row ?? 0)
        .ThenBy(p => ColumnOrder(p.Column))
        .ToList();

    private int ColumnOrder(string? column) => column is null ? -1 : Array.IndexOf(_columns, column.Split('–')[0]) is >= 0 and var i ? i : _columns.Length;

    public static CsvProblem TooLarge(long? bytes) => new(null, null, bytes is { } size
        ? $"The file is {size / (1024.0 * 1024):0.#} MB; the limit is {MaxFileBytes / (1024 * 1024)} MB. Upload fewer reports at a time."
        : $"The file is larger than the limit of {MaxFileBytes / (1024 * 1024)} MB. Upload fewer reports at a time.");

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
        var problems = new List<CsvProblem>();
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
                problems.Add(new CsvProblem(row, null, $"The quotes of this row are broken ({Describe(reason)}): a cell that holds a comma, a quote or a line break must be in double quotes, with every quote inside it doubled."));
            }
            else if (cells.Length != header.Count)
            {
                problems.Add(new CsvProblem(row, null, $"This row has {cells.Length} cells but the header has {header.Count}: look for a stray or missing comma."));
            }
            else
            {
                rows.Add(ReadRow(row, column => cells[index[column]].Trim(), column => cells[index[column]], problems));
            }
        }
        if (dataRows == 0)
        {
            problems.Add(new CsvProblem(null, null, "The file holds the header but no reports: add one row per region and month under it."));
        }
        return new CsvReadResult(rows, problems);
    }

    /// <summary>The problems of a file that is not CSV text at all, or not in UTF-8.</summary>
    private static CsvProblem? FileProblem(byte[] bytes)
    {
        var content = bytes.AsSpan(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        if (content.Trim(" \t\r\n"u8).IsEmpty)
        {
            return EmptyFile;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new CsvProblem(null, null, "The file is saved as UTF-16 (Unicode text). Save it as CSV UTF-8 (comma delimited) and upload it again.");
        }
        foreach (var (signature, what) in BinaryKinds)
        {
            if (content.StartsWith(signature))
            {
                return new CsvProblem(null, null, $"This is not a CSV file but {what}. Save the table as CSV UTF-8 (comma delimited) and upload that.");
            }
        }
        if (content[..Math.Min(content.Length, 8192)].Contains((byte)0))
        {
            return new CsvProblem(null, null, "This is not a CSV file: it holds binary data. Save the table as CSV UTF-8 (comma delimited) and upload that.");
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
            return new CsvProblem(row, null, "The file is not in UTF-8: its letters would come out garbled (it is probably saved as Windows-1251). Save it as CSV UTF-8 (comma delimited) and upload it again.");
        }
        if (text.TrimStart().StartsWith('<'))
        {
            return new CsvProblem(null, null, "This is a web page or XML (HTML markup), not a CSV file. Save the table as CSV UTF-8 (comma delimited) and upload that.");
        }
        return null;
    }

    private List<CsvProblem> HeaderProblems(IReadOnlyList<string> header)
    {
        var expected = new HashSet<string>(Columns, StringComparer.OrdinalIgnoreCase);
        var wanted = $"The first row must be the template's header: {string.Join(",", Columns)}.";
        if (header.Count == 1 && header[0].Contains(';'))
        {
            return [new CsvProblem(1, null, $"The columns are separated by semicolons, but the template separates them with commas: save the file as CSV UTF-8 (comma delimited). {wanted}")];
        }
        if (!header.Any(expected.Contains))
        {
            // Another table altogether: a list of every column it lacks would hide the point.
            return [new CsvProblem(1, null, $"This is not the template: its first row has none of the template's columns. {wanted}")];
        }
        var problems = new List<CsvProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in header)
        {
            if (!expected.Contains(name))
            {
                problems.Add(new CsvProblem(1, name, name.Length == 0 ? "A column has no name." : $"Unknown column '{name}'."));
            }
            else if (!seen.Add(name))
            {
                problems.Add(new CsvProblem(1, name, $"The column '{name}' appears more than once."));
            }
        }
        problems.AddRange(Columns.Where(c => !seen.Contains(c)).Select(c => new CsvProblem(1, c, $"The column '{c}' is missing.")));
        if (problems.Count > 0)
        {
            problems.Add(new CsvProblem(1, null, wanted));
        }
        return problems;
    }

    private ReportCsvRow ReadRow(int row, Func<string, string> cell, Func<string, string> rawCell, List<CsvProblem> problems)
    {
        var unreadable = new HashSet<string>();
        void Problem(string column, string field, string message)
        {
            problems.Add(new CsvProblem(row, column, message));
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
                Problem(column, field, problem);
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
            Problem(ReportField.Region, ReportField.Region, "The region is missing: write its code, such as KZ-75.");
        }
        var monthText = cell(ReportField.Month);
        if (!DateOnly.TryParseExact(monthText, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            Problem(ReportField.Month, ReportField.Month, monthText.Length == 0
                ? "The month is missing: write it as yyyy-MM, such as 2024-03."
                : $"'{monthText}' is not a month: write it as yyyy-MM, such as 2024-03.");
        }
        var total = Count(ReportField.Total, ReportField.Total);
        if (total is null && !unreadable.Contains(ReportField.Total))
        {
            Problem(ReportField.Total, ReportField.Total, "The total is missing: every report gives the number of foreign workers.");
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
            CountryCounts(cell(ReportField.Countries), message => Problem(ReportField.Countries, ReportField.Countries, message)),
            Count(ReportField.Employers, ReportField.Employers),
            Count(ReportField.LocalEmployees, ReportField.LocalEmployees),
            NullIfEmpty(rawCell(ReportField.Comment)),
            NullIfEmpty(rawCell(ReportField.MismatchReason)));
        return new ReportCsvRow(row, input, unreadable);
    }

    /// <summary>The countries cell, <c>CN=120; UZ=40; other=5</c>: ISO alpha-2 codes or "other".</summary>
    private static Dictionary<string, int> CountryCounts(string text, Action<string> problem)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0 || pair[1].Length == 0)
            {
                problem($"'{part}' is not of the form CODE=count; write the countries as CN=120; UZ=40; other=5.");
                continue;
            }
            var code = pair[0].Equals(Names.OtherKey, StringComparison.OrdinalIgnoreCase) ? Names.OtherKey : pair[0].ToUpperInvariant();
            if (ParseCount(pair[1], out var value) is { } message)
            {
                problem($"{code}: {message}");
            }
            else if (!counts.TryAdd(code, value))
            {
                problem($"{code} is given more than once.");
            }
        }
        return counts;
    }

    /// <summary>Reads a count; whether it lies in range is the report's own rule (<see cref="ReportCommands"/>).</summary>
    private static string? ParseCount(string text, out int value)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return $"'{text}' is not a number: write a whole number in digits, such as 120.";
        }
        if (number != decimal.Truncate(number))
        {
            return $"{text} is not a whole number: counts are whole numbers of people.";
        }
        if (number is < int.MinValue or > int.MaxValue)
        {
            return $"{text} is out of range: a count is a whole number from 0 to {ReportCommands.MaxCount}.";
        }
        value = (int)number;
        return null;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote in the middle of a cell",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quote that is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside quotes",
        _ => reason.ToString(),
    };

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
