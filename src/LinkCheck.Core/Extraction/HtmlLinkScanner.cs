using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// Reads URLs and anchors out of raw HTML with AngleSharp's HTML5 tokenizer (WHATWG HTML §13.2.5), so
/// quoting, character references, comments and raw-text elements behave as in a browser.
/// <list type="bullet">
/// <item>URLs: <c>href</c> of <c>a, area, link</c>; <c>src</c> of <c>img, source, video, audio, iframe, track, embed</c>;
/// <c>srcset</c> of <c>img, source</c> (each candidate URL, HTML §4.8.4.3.1); <c>poster</c> of <c>video</c>.</item>
/// <item>Anchors: every <c>id</c> and <c>name</c> attribute value.</item>
/// </list>
/// Nothing inside comments counts, and the content of <c>script</c>, <c>style</c> and other raw-text elements is
/// not read as tags.
/// </summary>
public static class HtmlLinkScanner
{
    /// <summary>Scans <paramref name="html"/>, adding what it finds to <paramref name="urls"/> and <paramref name="anchors"/>.</summary>
    public static void Scan(string html, List<HtmlUrl> urls, ICollection<string> anchors, List<(int Offset, string Data)>? comments = null)
    {
        // A read-only source over the string: the default TextSource copies it into a pooled, locked StringBuilder.
        using var source = new TextSource(new StringTextSource(html));
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver);
        var openAnchor = -1;
        StringBuilder? anchorText = null;

        while (true)
        {
            var token = tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    CloseAnchor(urls, ref openAnchor, anchorText);
                    return;
                case HtmlTokenType.Comment when comments is not null:
                    comments.Add((token.Position.Index, token.Data));
                    break;
                case HtmlTokenType.Character when openAnchor >= 0:
                    (anchorText ??= new StringBuilder()).Append(token.Data);
                    break;
                case HtmlTokenType.EndTag when token.Name == "a":
                    CloseAnchor(urls, ref openAnchor, anchorText);
                    break;
                case HtmlTokenType.StartTag:
                    var tag = token.AsTag();
                    var before = urls.Count;
                    ReadTag(html, tag, urls, anchors);
                    if (tag.Name == "a" && !tag.IsSelfClosing && urls.Count > before)
                    {
                        CloseAnchor(urls, ref openAnchor, anchorText);
                        openAnchor = before;
                        anchorText?.Clear();
                    }

                    tokenizer.State = ContentModel(tag.Name, tokenizer.State);
                    break;
            }
        }
    }

    private static void CloseAnchor(List<HtmlUrl> urls, ref int openAnchor, StringBuilder? text)
    {
        if (openAnchor >= 0 && openAnchor < urls.Count && text is { Length: > 0 })
        {
            urls[openAnchor] = urls[openAnchor] with { Text = NormalizeSpace(text.ToString()) };
        }

        openAnchor = -1;
        text?.Clear();
    }

    /// <summary>The tokenizer state a start tag switches to (HTML §13.2.6.4.7, "any other start tag" rules).</summary>
    private static HtmlParseMode ContentModel(string tagName, HtmlParseMode current) => tagName switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
        "textarea" or "title" => HtmlParseMode.RCData,
        "plaintext" => HtmlParseMode.Plaintext,
        _ => current,
    };

    private static void ReadTag(string html, HtmlTagToken tag, List<HtmlUrl> urls, ICollection<string> anchors)
    {
        string text = tag.Name == "img" ? tag.GetAttribute("alt") ?? string.Empty : string.Empty;
        foreach (var attribute in tag.Attributes)
        {
            var name = attribute.Name;
            if (name is "id" or "name")
            {
                if (attribute.Value.Length > 0)
                {
                    anchors.Add(attribute.Value);
                }

                continue;
            }

            if (!CarriesUrl(tag.Name, name))
            {
                continue;
            }

            var (start, end) = ValueSpan(html, attribute);
            if (name == "srcset")
            {
                AddSrcsetCandidates(attribute.Value, html, start, end, text, urls);
            }
            else
            {
                var value = attribute.Value.Trim();
                if (value.Length > 0)
                {
                    urls.Add(new HtmlUrl(value, start, Math.Max(start, end), text));
                }
            }
        }
    }

    private static bool CarriesUrl(string tag, string attribute) => attribute switch
    {
        "href" => tag is "a" or "area" or "link",
        "src" => tag is "img" or "source" or "video" or "audio" or "iframe" or "track" or "embed",
        "srcset" => tag is "img" or "source",
        "poster" => tag is "video",
        _ => false,
    };

    /// <summary>
    /// Finds the attribute value in the source: the tokenizer reports where the attribute name starts; the value
    /// follows after optional whitespace, <c>=</c>, optional whitespace and an optional quote (HTML §13.2.5.32-38).
    /// </summary>
    private static (int Start, int End) ValueSpan(string html, HtmlAttributeToken attribute)
    {
        var i = attribute.Position.Index + attribute.Name.Length;
        i = SkipSpace(html, i);
        if (i >= html.Length || html[i] != '=')
        {
            return (attribute.Position.Index, attribute.Position.Index);
        }

        i = SkipSpace(html, i + 1);
        if (i < html.Length && html[i] is '"' or '\'')
        {
            var quote = html[i];
            var close = html.IndexOf(quote, i + 1);
            return (i + 1, close < 0 ? html.Length : close);
        }

        var end = i;
        while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] != '>')
        {
            end++;
        }

        return (i, end);
    }

    private static int SkipSpace(string html, int i)
    {
        while (i < html.Length && html[i] is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Splits a <c>srcset</c> into its image candidate URLs (HTML §4.8.4.3.1: URLs separated from descriptors by
    /// whitespace, candidates by commas). Offsets are exact when the raw value has no character references.
    /// </summary>
    private static void AddSrcsetCandidates(string value, string html, int start, int end, string text, List<HtmlUrl> urls)
    {
        var exact = end - start == value.Length && string.CompareOrdinal(html, start, value, 0, value.Length) == 0;
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && (char.IsWhiteSpace(value[i]) || value[i] == ','))
            {
                i++;
            }

            var urlStart = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            var urlEnd = i;
            while (urlEnd > urlStart && value[urlEnd - 1] == ',')
            {
                urlEnd--;
            }

            if (urlEnd > urlStart)
            {
                var url = value[urlStart..urlEnd];
                urls.Add(exact
                    ? new HtmlUrl(url, start + urlStart, start + urlEnd, text)
                    : new HtmlUrl(url, start, end, text));
            }

            // Skip the descriptors up to the next comma.
            while (i < value.Length && value[i] != ',')
            {
                i++;
            }
        }
    }

    private static string NormalizeSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
