using System.Text.RegularExpressions;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Hugo;

/// <summary>
/// Hugo's shortcodes in markdown: <c>{{&lt; name args &gt;}}</c> and <c>{{% name args %}}</c>
/// (https://gohugo.io/content-management/shortcodes/). <c>ref</c> and <c>relref</c> are evaluated against the
/// site model (<see cref="HugoSite.EvaluateRef"/>); any other shortcode in a link is skipped with its name, and
/// an escaped one (<c>{{&lt;/* x */&gt;}}</c>) is text.
/// </summary>
public sealed partial class HugoShortcodes : ITemplateTagReader
{
    private readonly HugoSite _site;

    /// <summary>Creates the reader for one site.</summary>
    public HugoShortcodes(HugoSite site) => _site = site;

    /// <inheritdoc />
    public IReadOnlyList<TemplateSpan> FindTags(string text)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return [];
        }

        var spans = new List<TemplateSpan>();
        foreach (Match match in Shortcode().Matches(text))
        {
            if (!match.Value.StartsWith("{{</*", StringComparison.Ordinal) && !match.Value.StartsWith("{{%/*", StringComparison.Ordinal))
            {
                spans.Add(new TemplateSpan(match.Index, match.Length));
            }
        }

        return spans;
    }

    /// <inheritdoc />
    public bool HasTags(string destination) =>
        destination.Contains("{{<", StringComparison.Ordinal) || destination.Contains("{{%", StringComparison.Ordinal);

    /// <inheritdoc />
    public TemplateValue Evaluate(string destination, string documentPath)
    {
        var match = Shortcode().Match(destination);
        if (!match.Success)
        {
            return TemplateValue.Skip($"'{destination}' holds an unfinished Hugo shortcode");
        }

        var name = match.Groups["name"].Value;
        if (name is not ("ref" or "relref"))
        {
            return TemplateValue.Skip($"the Hugo shortcode '{name}' is not evaluated (only ref and relref are)");
        }

        var argument = RefArgument(match.Groups["args"].Value);
        if (argument is null)
        {
            return TemplateValue.Skip($"the {name} shortcode's page argument cannot be read: {match.Value}");
        }

        var prefix = destination[..match.Index];
        var suffix = destination[(match.Index + match.Length)..];
        if (prefix.Trim().Length > 0)
        {
            return TemplateValue.Skip($"text before the {name} shortcode is not evaluated: {destination}");
        }

        var value = _site.EvaluateRef(name, argument, documentPath);
        return value.Url is null ? value : TemplateValue.Of(value.Url + suffix);
    }

    /// <summary>The page argument: the first positional one, or <c>path="..."</c>.</summary>
    private static string? RefArgument(string args)
    {
        foreach (Match argument in Argument().Matches(args))
        {
            var key = argument.Groups["key"].Value;
            if (key.Length == 0 || key == "path")
            {
                return argument.Groups["quoted"].Success ? argument.Groups["quoted"].Value
                    : argument.Groups["raw"].Success ? argument.Groups["raw"].Value
                    : argument.Groups["bare"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\{\{(?<open>[<%])\s*(?<name>/?\*?[\w./-]*)(?<args>.*?)(?:\*/)?\s*[>%]\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"(?:(?<key>\w+)\s*=\s*)?(?:""(?<quoted>(?:[^""\\]|\\.)*)""|`(?<raw>[^`]*)`|(?<bare>[^\s""`]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Argument();
}
