using System.Text.RegularExpressions;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.MdBook;

/// <summary>
/// mdBook's <c>links</c> preprocessor directives (<c>{{#include file}}</c>, <c>{{#rustdoc_include}}</c>,
/// <c>{{#playground}}</c>, <c>{{#title}}</c>; <c>crates/mdbook-driver/src/builtin_preprocessors/links.rs</c>): masked so
/// that markdown around them parses as mdBook sees it; an escaped one (<c>\{{#include}}</c>) is text. A link whose
/// destination holds one cannot be evaluated without the included file's text: it is skipped, naming the directive.
/// </summary>
public sealed partial class MdBookIncludes : ITemplateTagReader
{
    /// <inheritdoc />
    public IReadOnlyList<TemplateSpan> FindTags(string text)
    {
        if (!text.Contains("{{#", StringComparison.Ordinal))
        {
            return [];
        }

        var spans = new List<TemplateSpan>();
        foreach (Match match in Directive().Matches(text))
        {
            if (match.Index == 0 || text[match.Index - 1] != '\\')
            {
                spans.Add(new TemplateSpan(match.Index, match.Length));
            }
        }

        return spans;
    }

    /// <inheritdoc />
    public bool HasTags(string destination) => destination.Contains("{{#", StringComparison.Ordinal);

    /// <inheritdoc />
    public TemplateValue Evaluate(string destination, string documentPath)
    {
        var match = Directive().Match(destination);
        return TemplateValue.Skip($"the mdBook directive {(match.Success ? "{{#" + match.Groups["name"].Value + "}}" : destination)} is not evaluated");
    }

    [GeneratedRegex(@"\{\{\s*#(?<name>[a-z_]+)[^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
