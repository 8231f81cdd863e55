namespace QuotaDashboard.Features;

/// <summary>
/// One thing wrong with an input: the field it is about (and the entry of that field, such as a category key), a code that the
/// edge words in the reader's language, and the values that wording needs. Services never make sentences.
/// A problem of an uploaded file also names where it is: <see cref="Row"/> as a spreadsheet numbers it (the header is row 1) and
/// <see cref="Column"/>, either null for the file or the row as a whole.
/// </summary>
public sealed record Problem(string Field, string? Key, string Code, IReadOnlyList<object?> Args)
{
    public Problem(string field, string code, params object?[] args) : this(field, null, code, args)
    {
    }

    public int? Row { get; init; }

    public string? Column { get; init; }

    public static Problem For(string field, string? key, string code, params object?[] args) => new(field, key, code, args);

    /// <summary>This problem placed in a file.</summary>
    public Problem At(int? row, string? column) => this with { Row = row, Column = column };
}
