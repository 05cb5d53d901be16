using System.Text;
using System.Text.RegularExpressions;

namespace LinkCheck.Core.Sites.DocFx;

/// <summary>
/// One entry of <c>build.content</c> or <c>build.resource</c> in <c>docfx.json</c>: the files it takes (globs
/// relative to <see cref="Src"/>), minus its excludes, published under <see cref="Dest"/>. DocFX's globs ignore
/// case and expand braces (<c>**/*.{md,yml}</c>; dotnet/docfx <c>src/Docfx.Glob/GlobMatcher.cs</c>,
/// <c>DefaultOptions</c>).
/// </summary>
public sealed class DocFxFileGroup
{
    private readonly Regex[] _includes;
    private readonly Regex[] _excludes;

    /// <summary>Creates a group; paths use <c>/</c> and are relative to the folder of <c>docfx.json</c>.</summary>
    public DocFxFileGroup(IReadOnlyList<string> files, IReadOnlyList<string> exclude, string src, string dest)
    {
        Files = files;
        Exclude = exclude;
        Src = Normalize(src);
        Dest = Normalize(dest);
        _includes = [.. files.SelectMany(ExpandBraces).Select(p => ToRegex(Normalize(p)))];
        _excludes = [.. exclude.SelectMany(ExpandBraces).Select(p => ToRegex(Normalize(p)))];
    }

    /// <summary>The include globs.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The exclude globs.</summary>
    public IReadOnlyList<string> Exclude { get; }

    /// <summary>The folder the globs are relative to (relative to <c>docfx.json</c>'s folder; empty for that folder).</summary>
    public string Src { get; }

    /// <summary>The output folder (relative to the output root; empty for the root).</summary>
    public string Dest { get; }

    /// <summary>
    /// Where <paramref name="path"/> (relative to <c>docfx.json</c>'s folder) lands in the output, relative to the
    /// output root, before any <c>.md</c> to <c>.html</c> change; null when this group does not take the file.
    /// </summary>
    public string? OutputPath(string path)
    {
        string relative;
        if (Src.Length == 0)
        {
            relative = path;
        }
        else if (path.Length > Src.Length && path[Src.Length] == '/' && path.StartsWith(Src, StringComparison.OrdinalIgnoreCase))
        {
            relative = path[(Src.Length + 1)..];
        }
        else
        {
            return null;
        }

        if (!_includes.Any(r => r.IsMatch(relative)) || _excludes.Any(r => r.IsMatch(relative)))
        {
            return null;
        }

        return Dest.Length == 0 ? relative : Dest + "/" + relative;
    }

    /// <summary>Where a file below <see cref="Src"/> would land if the group took it (its globs aside), or null.</summary>
    public string? OutputPathBelowSource(string path)
    {
        if (Src.Length > 0 && !(path.Length > Src.Length && path[Src.Length] == '/' && path.StartsWith(Src, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var relative = Src.Length == 0 ? path : path[(Src.Length + 1)..];
        return Dest.Length == 0 ? relative : Dest + "/" + relative;
    }

    /// <summary>Expands <c>{a,b}</c> alternatives (nested ones too), as DocFX's <c>AllowExpand</c> does.</summary>
    public static IEnumerable<string> ExpandBraces(string pattern)
    {
        var open = pattern.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            yield return pattern;
            yield break;
        }

        var depth = 0;
        var close = -1;
        var splits = new List<int>();
        for (var i = open; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                close = i;
                break;
            }
            else if (c == ',' && depth == 1)
            {
                splits.Add(i);
            }
        }

        if (close < 0)
        {
            yield return pattern;
            yield break;
        }

        var prefix = pattern[..open];
        var suffix = pattern[(close + 1)..];
        var start = open + 1;
        splits.Add(close);
        foreach (var split in splits)
        {
            foreach (var expanded in ExpandBraces(prefix + pattern[start..split] + suffix))
            {
                yield return expanded;
            }

            start = split + 1;
        }
    }

    /// <summary>
    /// A glob as a regular expression (DocFX's <c>GlobMatcher</c>, case-insensitive): <c>**</c> spans any number of
    /// folders (none too), <c>*</c> any characters within one name, <c>?</c> one character; names starting with
    /// <c>.</c> are matched only by a pattern that spells the dot (DocFX's default has no <c>AllowDotMatch</c>).
    /// </summary>
    public static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        var segments = glob.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == "**")
            {
                pattern.Append(last ? "(?:[^/.][^/]*(?:/[^/.][^/]*)*)?" : "(?:[^/.][^/]*/)*");
                continue;
            }

            if (segment.Length > 0 && segment[0] is '*' or '?')
            {
                pattern.Append("(?!\\.)");
            }

            foreach (var c in segment)
            {
                pattern.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            if (!last)
            {
                pattern.Append('/');
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/').Trim();
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized.Trim('/');
    }
}
