using System.Text;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Turns a resolver's <see cref="Suggestion"/> into a replacement for one occurrence's URL, written the way that
/// occurrence wrote it: relative to its own file (or root-relative if it was), keeping its query and fragment.
/// </summary>
public static class SuggestionWriter
{
    /// <summary>The replacement URL for <paramref name="occurrence"/>, or null.</summary>
    public static string? Write(Suggestion? suggestion, LinkOccurrence occurrence) => suggestion switch
    {
        null => null,
        Suggestion.ReplaceUrl url => KeepFragment(url.Url, occurrence.Url),
        Suggestion.ReplaceFragment fragment => WithoutFragment(occurrence.Url) + "#" + EncodeFragment(fragment.Fragment),
        Suggestion.ReplacePath path => ReplacePath(occurrence, path.RepositoryPath),
        _ => null,
    };

    /// <summary>A replacement URL keeps the fragment the link was written with (redirects drop fragments).</summary>
    private static string KeepFragment(string replacement, string original)
    {
        var hash = original.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 || replacement.Contains('#', StringComparison.Ordinal) ? replacement : replacement + original[hash..];
    }

    private static string ReplacePath(LinkOccurrence occurrence, string repositoryPath)
    {
        var url = occurrence.Url;
        var cut = url.IndexOfAny(['?', '#']);
        var suffix = cut < 0 ? string.Empty : url[cut..];
        var path = url.StartsWith('/')
            ? "/" + repositoryPath
            : Relative(LinkTargetParser.DirectoryOf(occurrence.Location.File), repositoryPath);
        if (path.Length == 0)
        {
            path = ".";
        }

        if (url.StartsWith("./", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal))
        {
            path = "./" + path;
        }

        return EncodePath(path) + suffix;
    }

    /// <summary>The path of <paramref name="target"/> relative to the folder <paramref name="fromDirectory"/> (both repository-relative).</summary>
    public static string Relative(string fromDirectory, string target)
    {
        var from = fromDirectory.Length == 0 ? [] : fromDirectory.Split('/');
        var to = target.Length == 0 ? [] : target.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        var parts = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common));
        return string.Join('/', parts);
    }

    private static string WithoutFragment(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url : url[..hash];
    }

    /// <summary>Percent-encodes what cannot stand in a markdown link destination (spaces, brackets, controls).</summary>
    private static string EncodePath(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            builder.Append(c switch
            {
                ' ' => "%20",
                '%' => "%25",
                '(' => "%28",
                ')' => "%29",
                '<' => "%3C",
                '>' => "%3E",
                '?' => "%3F",
                '#' => "%23",
                _ when char.IsControl(c) => Uri.EscapeDataString(c.ToString()),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Fragments keep readable letters of every script, but characters nobody can see are percent-encoded:
    /// format characters, variation selectors (GitHub's anchor for "⚠️ Warning" starts with U+FE0F), and marks
    /// that do not follow a letter.
    /// </summary>
    private static string EncodeFragment(string fragment)
    {
        var builder = new StringBuilder(fragment.Length);
        for (var i = 0; i < fragment.Length; i++)
        {
            var c = fragment[i];
            var category = char.GetUnicodeCategory(c);
            var invisible = category == System.Globalization.UnicodeCategory.Format
                || (c >= '\uFE00' && c <= '\uFE0F')
                || (category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
                    && (i == 0 || !char.IsLetterOrDigit(fragment[i - 1])));
            builder.Append(invisible ? Uri.EscapeDataString(c.ToString()) : EncodePath(c.ToString()));
        }

        return builder.ToString();
    }
}
