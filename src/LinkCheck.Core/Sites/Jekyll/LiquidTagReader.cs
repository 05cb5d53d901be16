using System.Text.RegularExpressions;
using System.Text;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>
/// The Liquid Jekyll evaluates in a page before kramdown sees it. Tags are found everywhere except inside
/// <c>{% raw %}</c> (whose content is literal) and <c>{% comment %}</c> (which outputs nothing). In a link
/// destination these are evaluated statically:
/// <list type="bullet">
/// <item><c>{% post_url NAME %}</c> and <c>{% link PATH %}</c>: the target's URL with <c>baseurl</c> (Jekyll 4
/// applies <c>relative_url</c>); a missing, draft or wrong-case target stops the build (lib/jekyll/tags/post_url.rb,
/// link.rb raise).</item>
/// <item><c>{{ site.baseurl }}</c>, <c>{{ site.url }}</c>, any other text setting of <c>_config.yml</c> such as
/// <c>{{ site.repository }}</c>, <c>{{ page.url }}</c>, and a quoted string piped through
/// <c>relative_url</c>, <c>absolute_url</c>, <c>prepend: site.baseurl</c> or <c>append: "x"</c>.</item>
/// </list>
/// Anything else (<c>{% if %}</c>, <c>{{ page.x }}</c>, <c>{% include %}</c>) cannot be evaluated without running
/// Jekyll: the link is skipped with a reason naming the tag.
/// </summary>
public sealed partial class LiquidTagReader : ITemplateTagReader
{
    private readonly JekyllSite _site;

    /// <summary>Creates the reader for one site.</summary>
    public LiquidTagReader(JekyllSite site) => _site = site;

    /// <inheritdoc />
    public IReadOnlyList<TemplateSpan> FindTags(string text)
    {
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal))
        {
            return [];
        }

        var spans = new List<TemplateSpan>();
        var position = 0;
        while (position < text.Length)
        {
            var match = TagPattern().Match(text, position);
            if (!match.Success)
            {
                break;
            }

            var block = BlockName(match.Value);
            if (block is "raw" or "comment")
            {
                // The raw block's content is literal text; a comment's content is nothing. Mask the tags (they
                // print nothing), and all of a comment.
                var end = EndPattern(block).Match(text, match.Index + match.Length);
                if (!end.Success)
                {
                    spans.Add(new TemplateSpan(match.Index, match.Length));
                    position = match.Index + match.Length;
                    continue;
                }

                if (block == "comment")
                {
                    spans.Add(new TemplateSpan(match.Index, end.Index + end.Length - match.Index));
                }
                else
                {
                    spans.Add(new TemplateSpan(match.Index, match.Length));
                    spans.Add(new TemplateSpan(end.Index, end.Length));
                }

                position = end.Index + end.Length;
                continue;
            }

            spans.Add(new TemplateSpan(match.Index, match.Length));
            position = match.Index + match.Length;
        }

        return spans;
    }

    /// <inheritdoc />
    public bool HasTags(string destination) =>
        destination.Contains("{{", StringComparison.Ordinal) || destination.Contains("{%", StringComparison.Ordinal);

    /// <inheritdoc />
    public TemplateValue Evaluate(string destination, string documentPath)
    {
        var output = new StringBuilder();
        var position = 0;
        while (position < destination.Length)
        {
            var match = TagPattern().Match(destination, position);
            if (!match.Success)
            {
                output.Append(destination, position, destination.Length - position);
                break;
            }

            output.Append(destination, position, match.Index - position);
            position = match.Index + match.Length;
            var block = BlockName(match.Value);
            if (block == "raw")
            {
                var end = EndPattern("raw").Match(destination, position);
                var stop = end.Success ? end.Index : destination.Length;
                output.Append(destination, position, stop - position);
                position = end.Success ? end.Index + end.Length : destination.Length;
                continue;
            }

            if (block == "comment")
            {
                var end = EndPattern("comment").Match(destination, position);
                position = end.Success ? end.Index + end.Length : destination.Length;
                continue;
            }

            var value = match.Value.StartsWith("{{", StringComparison.Ordinal)
                ? Output(Inner(match.Value), documentPath)
                : Tag(Inner(match.Value), match.Value);
            if (value.Verdict is not null)
            {
                return value;
            }

            output.Append(value.Url);
        }

        return TemplateValue.Of(output.ToString());
    }

    private TemplateValue Tag(string inner, string written)
    {
        var space = inner.IndexOfAny([' ', '\t']);
        var name = space < 0 ? inner : inner[..space];
        var argument = space < 0 ? string.Empty : inner[(space + 1)..].Trim();
        var baseUrl = _site.Config.BaseUrl;
        switch (name)
        {
            case "post_url":
                if (HasTags(argument))
                {
                    return TemplateValue.Skip($"{written} names its post with Liquid, which is not evaluated");
                }

                var post = _site.FindPost(argument, out var wrongCase, out var draft);
                if (post is not null)
                {
                    return post.IsPublished
                        ? TemplateValue.Of(baseUrl + post.Url)
                        : TemplateValue.BuildFails($"{written}: the post {post.SourcePath} is not published ({post.Reason}); Jekyll stops the build on it, so nothing is published");
                }

                var why = draft is not null ? $"{draft} is a draft, not a post"
                    : wrongCase is not null ? $"no post named {argument}; {wrongCase} differs only in case (the name is case-sensitive)"
                    : $"no post named {argument} in _posts";
                return TemplateValue.BuildFails($"{written}: {why}; Jekyll stops the build on it, so nothing is published");
            case "link":
                if (HasTags(argument))
                {
                    return TemplateValue.Skip($"{written} names its file with Liquid, which is not evaluated");
                }

                var file = _site.FindSourceFile(argument, out var exists);
                if (file is { IsPublished: true })
                {
                    return TemplateValue.Of(baseUrl + file.Url);
                }

                var reason = exists ? $"{argument} is not published ({file?.Reason})"
                    : _site.FindSourceIgnoringCase(argument) is { } other ? $"no file {argument} in the site; {other} differs only in case (the path is case-sensitive)"
                    : $"no file {argument} in the site";
                return TemplateValue.BuildFails($"{written}: {reason}; Jekyll stops the build on it, so nothing is published");
            default:
                return TemplateValue.Skip($"{written} is a Liquid tag linkcheck does not evaluate; the link is not checked");
        }
    }

    /// <summary>An output tag <c>{{ expression | filter: arg }}</c>.</summary>
    private TemplateValue Output(string inner, string documentPath)
    {
        var parts = inner.Split('|', StringSplitOptions.TrimEntries);
        var value = Value(parts[0], documentPath);
        if (value is null)
        {
            return TemplateValue.Skip($"{{{{ {inner} }}}} cannot be evaluated without running Jekyll; the link is not checked");
        }

        foreach (var filter in parts.Skip(1))
        {
            var colon = filter.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? filter : filter[..colon]).Trim();
            var argument = colon < 0 ? null : Value(filter[(colon + 1)..].Trim(), documentPath);
            switch (name)
            {
                case "relative_url":
                    value = RelativeUrl(value);
                    break;
                case "absolute_url":
                    if (_site.Config.Url is null)
                    {
                        return TemplateValue.Skip($"{{{{ {inner} }}}}: _config.yml has no url, so absolute_url gives a site-relative URL here but not on the published site; the link is not checked");
                    }

                    value = IsAbsolute(value) ? value : _site.Config.Url + RelativeUrl(value);
                    break;
                case "prepend" when argument is not null:
                    value = argument + value;
                    break;
                case "append" when argument is not null:
                    value += argument;
                    break;
                default:
                    return TemplateValue.Skip($"{{{{ {inner} }}}}: the filter '{name}' is not evaluated; the link is not checked");
            }
        }

        return TemplateValue.Of(value);
    }

    /// <summary>A literal or one of the few variables whose value is known from the configuration.</summary>
    private string? Value(string expression, string documentPath)
    {
        if (expression.Length >= 2 && expression[0] is '"' or '\'' && expression[^1] == expression[0])
        {
            return expression[1..^1];
        }

        return expression switch
        {
            "site.baseurl" => _site.Config.BaseUrl,
            "site.url" => _site.Config.Url,
            "page.url" => _site.PublicationOf(documentPath).Url,
            _ when expression.StartsWith("site.", StringComparison.Ordinal) && _site.Config.Values.TryGetValue(expression[5..], out var setting) => setting,
            _ => null,
        };
    }

    /// <summary>Jekyll's <c>relative_url</c> (lib/jekyll/filters/url_filters.rb): baseurl + a leading slash + the input.</summary>
    private string RelativeUrl(string input) =>
        IsAbsolute(input) ? input : _site.Config.BaseUrl + (input.StartsWith('/') ? input : "/" + input);

    private static bool IsAbsolute(string url) => url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal);

    private static string Inner(string tag)
    {
        var inner = tag[2..^2];
        return inner.Trim('-').Trim();
    }

    private static string? BlockName(string tag)
    {
        if (!tag.StartsWith("{%", StringComparison.Ordinal))
        {
            return null;
        }

        var inner = Inner(tag);
        return inner is "raw" or "comment" ? inner : null;
    }

    private static Regex EndPattern(string block) => block == "raw" ? EndRawPattern() : EndCommentPattern();

    // A Liquid output {{ ... }} or tag {% ... %} (liquid/lib/liquid.rb TemplateParser: tags and variables do not nest).
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndRawPattern();

    [GeneratedRegex(@"\{%-?\s*endcomment\s*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndCommentPattern();
}
