using System.Text;
using CsvHelper;

namespace QuotaDashboard.Tests.Upload;

/// <summary>Upload files as a spreadsheet would save them, written with CsvHelper from rows of named cells.</summary>
public static class UploadFiles
{
    /// <summary>The template's header, as the issue specifies it.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "region", "month", "total", "cat1", "cat2", "cat3", "cat4", "seasonal", "ict", "employers", "local_employees", "comment", "mismatch_reason",
        .. Enumerable.Range('A', 'U' - 'A' + 1).Select(c => $"sector_{(char)c}"),
        "countries",
    ];

    public static readonly string HeaderLine = string.Join(",", Header);

    /// <summary>A report that adds up: <paramref name="total"/> workers of category 3, in construction (F), from China.</summary>
    public static Dictionary<string, string> Row(string region, string month, int total, string? comment = null) => new()
    {
        ["region"] = region,
        ["month"] = month,
        ["total"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cat3"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sector_F"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["countries"] = $"CN={total}",
        ["comment"] = comment ?? "",
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> row, string column, string value) =>
        new(row) { [column] = value };

    /// <summary>UTF-8 with a byte order mark, as "CSV UTF-8" in a spreadsheet saves it.</summary>
    public static byte[] Csv(params Dictionary<string, string>[] rows) => Csv(Header, rows);

    public static byte[] Csv(IReadOnlyList<string> header, params Dictionary<string, string>[] rows)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = ',', WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord(header.Select(column => row.GetValueOrDefault(column, "")).ToArray());
            }
        }
        return output.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static MemoryStream Stream(byte[] bytes) => new(bytes, writable: false);
}

/// <summary>A stream that produces <paramref name="length"/> bytes of CSV rows as it is read, without holding them, and cannot seek.</summary>
public sealed class GeneratedCsvStream(long length) : Stream
{
    private static readonly byte[] Line = Encoding.UTF8.GetBytes("KZ-75,2024-03,1,,,1,,,,,,,,,,,,,,1,,,,,,,,,,,,,,,CN=1\r\n");

    public long Produced { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Produced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - Produced);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = Line[(Produced + i) % Line.Length];
        }
        Produced += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
