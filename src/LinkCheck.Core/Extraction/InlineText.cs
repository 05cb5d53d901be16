using System.Text;
using Markdig.Syntax.Inlines;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// The plain text of rendered inline content, as a browser's <c>textContent</c> would read it from the HTML
/// GitHub renders: emphasis and links keep their text, code spans their content, entities are decoded,
/// raw HTML tags contribute nothing, and images contribute nothing (GitHub drops their alt text from the
/// heading text its ids are made from).
/// </summary>
public static class InlineText
{
    /// <summary>The plain text of <paramref name="container"/>.</summary>
    public static string Of(ContainerInline? container, bool includeImageAlt = false)
    {
        if (container is null)
        {
            return string.Empty;
        }

        // The common case, [plain text](url): no builder needed.
        if (container.FirstChild is LiteralInline only && only.NextSibling is null)
        {
            return only.Content.ToString();
        }

        var builder = new StringBuilder();
        Append(builder, container, includeImageAlt);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ContainerInline container, bool includeImageAlt)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    builder.Append('\n');
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LinkInline { IsImage: true } image:
                    if (includeImageAlt)
                    {
                        Append(builder, image, includeImageAlt);
                    }

                    break;
                case ContainerInline nested:
                    Append(builder, nested, includeImageAlt);
                    break;
            }
        }
    }
}
