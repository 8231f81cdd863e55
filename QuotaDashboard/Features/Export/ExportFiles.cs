using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace QuotaDashboard.Features.Export;

/// <summary>Writes export sheets as CSV (UTF-8 with BOM) and XLSX, numbers as numbers, text safe from formula injection.</summary>
public static class ExportFiles
{
    /// <summary>What a spreadsheet would read as the start of a formula or a command.</summary>
    private const string FormulaStarts = "=+-@\t\r";

    public static byte[] ToCsv(ExportSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions
        {
            Separator = ',',
            NewLine = "\r\n",
            WriteByteOrderMark = true,
            ValidateFieldCount = false,
            FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true))
        {
            foreach (var (label, value) in sheet.Header)
            {
                csv.WriteRecord([Safe(label), Safe(value)]);
            }
            csv.WriteRecord([""]);
            csv.WriteRecord(sheet.Columns.Select(Safe).ToArray());
            foreach (var row in sheet.Rows)
            {
                csv.WriteRecord(row.Select(CsvCell).ToArray());
            }
        }
        return stream.ToArray();
    }

    public static byte[] ToXlsx(IReadOnlyList<ExportSheet> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            workbook[SheetName(sheet.Title, workbook.Keys)] = XlsxRows(sheet).ToList();
        }
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A text cell a spreadsheet will show as text: a leading formula character gets an apostrophe.</summary>
    public static string Safe(string? text) =>
        text is { Length: > 0 } && FormulaStarts.Contains(text[0]) ? "'" + text : text ?? "";

    private static string CsvCell(object? value) => value switch
    {
        null => "",
        string s => Safe(s),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Safe(value.ToString()),
    };

    private static object? XlsxCell(object? value) => value is string s ? Safe(s) : value;

    private static IEnumerable<Dictionary<string, object?>> XlsxRows(ExportSheet sheet)
    {
        var width = Math.Max(2, sheet.Columns.Count);
        Dictionary<string, object?> Row(IEnumerable<object?> cells)
        {
            var row = new Dictionary<string, object?>();
            var i = 0;
            foreach (var cell in cells)
            {
                row[Column(i++)] = XlsxCell(cell);
            }
            for (; i < width; i++)
            {
                row[Column(i)] = null;
            }
            return row;
        }
        foreach (var (label, value) in sheet.Header)
        {
            yield return Row([label, value]);
        }
        yield return Row([]);
        yield return Row(sheet.Columns);
        foreach (var row in sheet.Rows)
        {
            yield return Row(row);
        }
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name, and no two alike.</summary>
    private static string SheetName(string title, IEnumerable<string> taken)
    {
        var clean = new string(title.Where(c => !"[]:*?/\\".Contains(c)).ToArray()).Trim();
        var name = clean.Length > 31 ? clean[..31] : clean;
        var n = 2;
        while (taken.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            var suffix = $" ({n++})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }
}
