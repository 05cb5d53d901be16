using System.Text;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// One of lychee's <c>exclude_path</c> regular expressions as a linkcheck <c>exclude-path</c> glob, when the glob
/// excludes exactly the files the expression does; otherwise the reason it cannot.
/// </summary>
/// <remarks>
/// <para>What lychee matches: since lychee 0.19 (lychee-lib/src/types/input/resolver.rs, <c>is_excluded_path</c>) each
/// pattern is searched for (<c>RegexSet::is_match</c>, unanchored) in the path of every file the walk yields, spelled
/// the way the input was written: <c>docs/a.md</c> for <c>lychee docs</c> or a glob, <c>./docs/a.md</c> for
/// <c>lychee .</c>. A folder that matches is not pruned: each file is judged by its own whole path.</para>
/// <para>What a linkcheck glob matches (<see cref="Core.Discovery.PathGlobs"/>, over Microsoft.Extensions.FileSystemGlobbing):
/// repository-relative paths, <c>*</c> within one name, <c>**</c> across folders, every other character literal;
/// a glob that matches a folder excludes everything below it.</para>
/// <para>The subset translated, with <c>L</c> a literal (characters other than <c>.+*?()|[]{}^$\</c>, or one of them
/// escaped with <c>\</c>), without <c>*?[]{}\</c> in it (a glob cannot say them), without empty, <c>.</c> or
/// <c>..</c> names and without spaces at either end (globs are trimmed):</para>
/// <list type="bullet">
/// <item><c>^L</c> (also <c>^\./L</c>, lychee run on <c>.</c>): paths that start with <c>L</c>. <c>L/</c> becomes
/// <c>L/**</c> (everything below the folder, not a file named <c>L</c>); otherwise <c>L*</c>, whose folder matches
/// exclude only paths that start with <c>L</c> as well.</item>
/// <item><c>(^|/)L</c>: <c>L</c> at the start of a name, at any depth: <c>**/L/**</c> or <c>**/L*</c>.</item>
/// <item><c>L</c>, with an optional <c>.*</c> before or after it (which adds nothing to an unanchored search): paths
/// that contain <c>L</c>, that is, a name that ends with <c>L</c>'s first part, then its middle names, then a name
/// that starts with its last part: <c>**/*L*</c> (or <c>**/*L**</c> when it ends in <c>/</c>). Every path below a
/// folder such a glob matches contains <c>L</c> too, so pruning the folder removes nothing lychee keeps. <c>L</c> may
/// not start with <c>/</c> or <c>./</c>: there lychee's answer depends on whether it was run on <c>.</c>.</item>
/// </list>
/// <para>Refused: <c>$</c> (lychee then excludes files whose path ends so, while a glob that matches a folder of that
/// name excludes everything in it, which lychee does not), character classes, alternatives, repetition, case
/// flags, and <c>^</c> read against absolute paths (the import reads <c>^</c> as the repository root).</para>
/// </remarks>
internal static class LycheePathPattern
{
    private const string Metacharacters = ".+*?()|[]{}^$";

    /// <summary>The glob, or null and why not.</summary>
    public static (string? Glob, string? Why) ToGlob(string regex)
    {
        var rest = regex;
        var anchor = Anchor.None;
        if (rest.StartsWith("(^|/)", StringComparison.Ordinal))
        {
            (anchor, rest) = (Anchor.NameStart, rest[5..]);
        }
        else if (rest.StartsWith(@"^\./", StringComparison.Ordinal))
        {
            (anchor, rest) = (Anchor.Root, rest[4..]);
        }
        else if (rest.StartsWith('^'))
        {
            (anchor, rest) = (Anchor.Root, rest[1..]);
        }
        else if (rest.StartsWith(".*", StringComparison.Ordinal))
        {
            rest = rest[2..];
        }

        var (literal, why) = Literal(rest);
        if (why is not null || (why = Unsupported(literal, anchor)) is not null)
        {
            return (null, why);
        }

        var glob = literal.EndsWith('/') ? literal + "**" : literal + "*";
        return anchor switch
        {
            Anchor.Root => (literal.Contains('/', StringComparison.Ordinal) ? glob : "/" + glob, null),
            Anchor.NameStart => ("**/" + glob, null),
            _ => ("**/*" + glob, null),
        };
    }

    /// <summary>
    /// The literal text a pattern matches (a trailing <c>.*</c> adds nothing to a search and is dropped), or why it is
    /// not a literal.
    /// </summary>
    private static (string Text, string? Why) Literal(string pattern)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length && IsEscapable(pattern[i + 1]))
                {
                    text.Append(pattern[++i]);
                    continue;
                }

                return (string.Empty, i + 1 < pattern.Length ? $"\\{pattern[i + 1]} is a class of characters, not one" : "it ends with a lone \\");
            }

            if (c == '.' && i == pattern.Length - 2 && pattern[i + 1] == '*')
            {
                break;
            }

            if (Metacharacters.Contains(c, StringComparison.Ordinal))
            {
                return (string.Empty, c switch
                {
                    '$' when i == pattern.Length - 1 => "$ makes lychee skip only files whose path ends so, while a glob that matches a folder of that name skips all of it",
                    '.' when i + 1 < pattern.Length && pattern[i + 1] == '*' => ".* is translated only at an unanchored end",
                    '.' => ". stands for any character (write \\. for a dot)",
                    '^' => "^ is translated only at the start",
                    _ => $"{c} is regular-expression syntax a glob cannot say exactly",
                });
            }

            text.Append(c);
        }

        return (text.ToString(), null);
    }

    /// <summary>ASCII punctuation: escaped, it stands for itself (regex-syntax's escape rules); <c>\d</c>, <c>\w</c>, <c>\s</c> and the like are classes.</summary>
    private static bool IsEscapable(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static string? Unsupported(string literal, Anchor anchor)
    {
        if (literal.Length == 0)
        {
            return "it matches every path";
        }

        // FileSystemGlobbing reads only * and ** today, but ? [ ] { } are wildcards in most glob dialects (and in
        // PathGlobs' own description): refusing them keeps the translation exact whichever way the globs grow.
        if (literal.IndexOfAny(['*', '\\', '?', '[', ']', '{', '}']) >= 0)
        {
            return "a glob cannot hold a literal * \\ ? [ ] { }";
        }

        if (char.IsWhiteSpace(literal[0]) || char.IsWhiteSpace(literal[^1]))
        {
            return "globs lose spaces at either end";
        }

        if (anchor == Anchor.None && (literal.StartsWith('/') || literal.StartsWith("./", StringComparison.Ordinal) || literal == "."))
        {
            return "what it matches depends on whether lychee was run on '.' (write ^ or (^|/) before it)";
        }

        var names = (literal.EndsWith('/') ? literal[..^1] : literal).Split('/');
        if (names.Any(n => n.Length == 0 || n is "." or ".."))
        {
            return "a glob has no empty, . or .. names";
        }

        return null;
    }

    private enum Anchor
    {
        None,
        Root,
        NameStart,
    }
}
