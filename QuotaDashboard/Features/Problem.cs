namespace QuotaDashboard.Features;

/// <summary>
/// One thing wrong with an input: the field it is about (and the entry of that field, such as a category key), a code that the
/// edge words in the reader's language, and the values that wording needs. Services never make sentences.
/// </summary>
public sealed record Problem(string Field, string? Key, string Code, IReadOnlyList<object?> Args)
{
    public Problem(string field, string code, params object?[] args) : this(field, null, code, args)
    {
    }

    public static Problem For(string field, string? key, string code, params object?[] args) => new(field, key, code, args);
}
