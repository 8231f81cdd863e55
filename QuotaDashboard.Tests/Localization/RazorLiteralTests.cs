using System.Text.RegularExpressions;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>
/// Every text a page shows comes from the resources: a literal sentence in a <c>.razor</c> file would stay English for a Russian or
/// Kazakh reader. Text nodes and the attributes a reader meets (aria-label, title, placeholder, Label) are checked.
/// </summary>
public sealed partial class RazorLiteralTests
{
    /// <summary>Names and formats that read the same in every language.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal)
    {
        "QuotaDashboard", "XLSX", "CSV", "PNG", "OKED", "API", "JSON", "UTF-8", "ISO", "KZ", "UTC",
    };

    /// <summary>
    /// Literals left on purpose, each marked with its file: a command line to copy, which is the same in every language; and the two
    /// framework pages not yet moved to the resources (the development error page and the reconnection modal, which the layout owns).
    /// </summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "Pages/Admin/TokenSecretDialog.razor: Authorization: Bearer  token",
        "Pages/Admin/TokenSecretDialog.razor: curl -H \"Authorization: Bearer  token \"  api/quota/",
    };

    private static readonly string[] AllowedFiles = ["Pages/Error.razor", "Layout/ReconnectModal.razor"];

    [Fact]
    public void No_razor_file_shows_a_literal_user_facing_string()
    {
        var root = Path.Combine(RepositoryPaths.Root, "QuotaDashboard", "Components");
        var found = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => Literals(File.ReadAllText(file)).Select(text => $"{Path.GetRelativePath(root, file).Replace('\\', '/')}: {text}"))
            .Where(f => !Allowed.Contains(f) && !AllowedFiles.Any(file => f.StartsWith(file + ": ", StringComparison.Ordinal)))
            .ToList();

        Assert.True(found.Count == 0, "Literal text in .razor files; move it to the resources:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_finds_a_literal_in_a_text_node_and_in_an_attribute_but_not_in_code()
    {
        const string razor = """
            <h1>Welcome home</h1>
            <MudButton aria-label="Close it" Label="@L["Fine"]" title="@L["Also fine"]">@L["Save"]</MudButton>
            @if (x) { <span>@count</span> }
            @code { private string Text => "not shown as such"; }
            """;

        Assert.Equal(["Close it", "Welcome home"], Literals(razor).Order());
    }

    internal static IEnumerable<string> Literals(string razor)
    {
        var markup = Directives().Replace(Comments().Replace(razor, ""), "");
        var code = markup.IndexOf("@code", StringComparison.Ordinal);
        if (code >= 0)
        {
            markup = markup[..code];
        }
        markup = Blocks().Replace(markup, "");
        foreach (Match attribute in Attributes().Matches(markup))
        {
            var value = attribute.Groups["value"].Value;
            if (!value.StartsWith('@') && Reads(value))
            {
                yield return value;
            }
        }
        // Attribute values are no text nodes: drop them, with every Razor expression, before reading what lies between tags.
        var text = AnyAttribute().Replace(markup, "");
        foreach (Match node in TextNodes().Matches(text))
        {
            foreach (var line in node.Groups["text"].Value.Split('\n'))
            {
                var words = Expressions().Replace(Entities().Replace(line, " "), " ").Trim();
                if (words.Length > 0 && !LooksLikeCode(words) && Reads(words))
                {
                    yield return words;
                }
            }
        }
    }

    private static bool Reads(string text) =>
        Letters().Matches(text).Select(m => m.Value).Any(word => !SameInEveryLanguage.Contains(word) && word.Length > 1);

    // What is left of a Razor expression or statement that runs over several lines, once its words are taken out.
    private static bool LooksLikeCode(string line) =>
        "(@?:{}".Contains(line[0]) || ";{}:),(]".Contains(line[^1])
        || line.Contains("L[\"", StringComparison.Ordinal) || line.Contains("=>", StringComparison.Ordinal) || line.Contains("==", StringComparison.Ordinal)
        || line.Contains("!=", StringComparison.Ordinal) || line.Contains("&&", StringComparison.Ordinal) || line.Contains("||", StringComparison.Ordinal)
        || CodeStart().IsMatch(line);

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"^\s*@(?:inject|using|attribute|page|implements|inherits|layout|rendermode|typeparam|namespace)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directives();

    [GeneratedRegex(@"<(style|script)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Blocks();

    [GeneratedRegex("""\s(?:aria-label|title|placeholder|Label)="(?<value>[^"]*)""")]
    private static partial Regex Attributes();

    [GeneratedRegex("""\s[\w:@.-]+="(?:[^"\\]|\\.|"(?=[^"]*"\]))*?"(?=[\s/>])|\s[\w:@.-]+='[^']*'""")]
    private static partial Regex AnyAttribute();

    [GeneratedRegex(@">(?<text>[^<>]+)<")]
    private static partial Regex TextNodes();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entities();

    [GeneratedRegex(@"@(?:\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|[\w.]+(?:\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\)|\.[\w]+|\?\.[\w]+)*)")]
    private static partial Regex Expressions();

    [GeneratedRegex(@"^(?:case|else|break|var|if|foreach|for|while|switch|return|default|await|private|using)\b|^[\w.]+\s*=|^\)")]
    private static partial Regex CodeStart();

    [GeneratedRegex(@"\p{L}[\p{L}\d\-]*")]
    private static partial Regex Letters();
}
