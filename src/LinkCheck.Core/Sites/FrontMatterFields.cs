using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LinkCheck.Core.Sites;

/// <summary>
/// The top-level scalar fields of a markdown file's YAML front matter (the block between a first line <c>---</c> and
/// the next <c>---</c> or <c>...</c>), which is all the DocFX and Docusaurus models read (<c>uid</c>,
/// <c>redirect_url</c>, <c>id</c>, <c>slug</c>, <c>draft</c>). Invalid YAML reads as no fields, as the page still
/// renders (Docusaurus and DocFX report it themselves).
/// </summary>
public static class FrontMatterFields
{
    /// <summary>
    /// The fields of the front matter at the start of <paramref name="text"/>; empty when there is none. With
    /// <paramref name="keys"/>, the YAML is parsed only when a line names one of them as a top-level key (or the
    /// front matter is a flow mapping): most pages set only a title, and parsing every page's YAML was most of the
    /// time a large site model took.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(string? text, IReadOnlyCollection<string>? keys = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null)
        {
            return fields;
        }

        if (Block(text) is not { } block)
        {
            return fields;
        }

        var (bodyStart, end) = block;

        if (keys is not null && !NamesAnyKey(text.AsSpan(bodyStart, end - bodyStart), keys))
        {
            return fields;
        }

        try
        {
            var stream = SiteYaml.Load(text[bodyStart..end]);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } scalar })
                    {
                        fields[name] = scalar;
                    }
                }
            }
        }
        catch (YamlException)
        {
            fields.Clear();
        }

        return fields;
    }

    /// <summary>
    /// Where the YAML of the front matter at the start of <paramref name="text"/> lies: after a first line <c>---</c>
    /// (trailing spaces allowed, a byte order mark before it) up to the next line <c>---</c> or <c>...</c>, as
    /// Jekyll's <c>YAML_FRONT_MATTER_REGEXP</c> and the other generators read it; null when there is none.
    /// </summary>
    public static (int Start, int End)? Block(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0)
        {
            return null;
        }

        var firstLineEnd = text.IndexOf('\n', start);
        if (firstLineEnd < 0 || text[(start + 3)..firstLineEnd].Trim().Length != 0)
        {
            return null;
        }

        var position = firstLineEnd + 1;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var line = (lineEnd < 0 ? text[position..] : text[position..lineEnd]).TrimEnd('\r', ' ', '\t');
            if (line is "---" or "...")
            {
                return (firstLineEnd + 1, position);
            }

            if (lineEnd < 0)
            {
                return null;
            }

            position = lineEnd + 1;
        }

        return null;
    }

    /// <summary>True when a line of the YAML <paramref name="yaml"/> starts with one of <paramref name="keys"/> and a colon (plain or quoted), or the YAML is a flow mapping.</summary>
    private static bool NamesAnyKey(ReadOnlySpan<char> yaml, IReadOnlyCollection<string> keys)
    {
        foreach (var range in yaml.Split('\n'))
        {
            var line = yaml[range];
            if (line.TrimStart().StartsWith('{'))
            {
                return true;
            }

            if (line.Length > 0 && line[0] is '"' or '\'')
            {
                line = line[1..];
            }

            foreach (var key in keys)
            {
                if (line.StartsWith(key, StringComparison.Ordinal) && line[key.Length..].TrimStart(" \"'").StartsWith(':'))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
