using System.Text;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// Hides template tags from Markdig without moving anything: each tag is replaced by as many private-use characters
/// as it is long (a marker naming the tag, then padding), so <c>[a]({% post_url x %})</c> parses as a link, every
/// source position stays exact, and <see cref="Unmask"/> puts the tags back into the URLs and texts extracted.
/// </summary>
public sealed class TemplateMask
{
    // Private-use code points (Unicode §23.5): never in real text, and Markdig treats them as ordinary characters.
    private const char FirstMarker = '\uE000';
    private const char LastMarker = '\uF7FF';
    private const char Padding = '\uF8FF';

    private readonly string[] _tags;

    private TemplateMask(string text, string[] tags)
    {
        Text = text;
        _tags = tags;
    }

    /// <summary>The text with every tag masked (same length as the original).</summary>
    public string Text { get; }

    /// <summary>Masks <paramref name="spans"/> of <paramref name="text"/>; null when there is nothing to mask.</summary>
    public static TemplateMask? Create(string text, IReadOnlyList<TemplateSpan> spans)
    {
        if (spans.Count == 0)
        {
            return null;
        }

        var chars = text.ToCharArray();
        var tags = new List<string>(spans.Count);
        foreach (var span in spans)
        {
            if (tags.Count > LastMarker - FirstMarker)
            {
                break; // More tags than markers: the rest stay as written.
            }

            tags.Add(text.Substring(span.Start, span.Length));
            chars[span.Start] = (char)(FirstMarker + tags.Count - 1);
            for (var i = span.Start + 1; i < span.Start + span.Length; i++)
            {
                // Line breaks stay, so that line numbers (and block structure) do not change.
                chars[i] = text[i] is '\n' or '\r' ? text[i] : Padding;
            }
        }

        return new TemplateMask(new string(chars), [.. tags]);
    }

    /// <summary>True when <paramref name="value"/> holds masked text.</summary>
    public static bool IsMasked(string value)
    {
        foreach (var c in value)
        {
            if (c is >= FirstMarker and <= LastMarker or Padding)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts the original tags back into a string taken from the masked text.</summary>
    public string Unmask(string value)
    {
        if (!IsMasked(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= FirstMarker and <= LastMarker)
            {
                var index = c - FirstMarker;
                builder.Append(index < _tags.Length ? _tags[index] : string.Empty);
            }
            else if (c != Padding)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
