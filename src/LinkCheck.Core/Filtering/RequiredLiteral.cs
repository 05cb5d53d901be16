namespace LinkCheck.Core.Filtering;

/// <summary>
/// A run of characters that every match of a pattern contains, found by a conservative scan of the pattern's text
/// (.NET regular expression syntax, "Regular Expression Language - Quick Reference" on learn.microsoft.com): only
/// characters written at the top level, outside groups and classes, each matched exactly once. Anything the scan
/// does not understand ends the run, and a top-level alternation means "no literal". The scan may miss a literal a
/// pattern has; it never reports one that a match could lack, because <see cref="PatternSet"/> skips a pattern
/// whose literal is not in the URL.
/// </summary>
/// <param name="Text">The characters, as a match contains them (lowercase when <paramref name="IgnoreCase"/>).</param>
/// <param name="IgnoreCase">
/// Under <c>(?i)</c>: compare with the URL lowercased (<c>ToLowerInvariant</c>). Only ASCII characters are kept in
/// such a run: for each of them, every character .NET's invariant case-insensitive matching takes as equal has the
/// same invariant lowercase (checked over the whole BMP for .NET 10, Kelvin sign included).
/// </param>
internal sealed partial record RequiredLiteral(string Text, bool IgnoreCase)
{
    /// <summary>The longest required run of <paramref name="pattern"/>, or null when the scan finds none.</summary>
    public static RequiredLiteral? Of(string pattern)
    {
        // Free-spacing mode anywhere ("(?x)", "(?x:...)") and "(?#...)" comments let spaces, '#' and parentheses mean
        // something else than they seem to; such patterns are not scanned at all.
        if (pattern.Contains("(?#", StringComparison.Ordinal) || FreeSpacing().IsMatch(pattern))
        {
            return null;
        }

        var runs = new List<RequiredLiteral>();
        var run = new System.Text.StringBuilder();
        var ignoreCase = false;

        void End()
        {
            if (run.Length > 0)
            {
                runs.Add(new RequiredLiteral(run.ToString(), ignoreCase));
                run.Clear();
            }
        }

        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            char? literal = null;
            switch (c)
            {
                case '|':
                    return null; // A top-level alternation: no character is required by every branch.
                case '(':
                    End();
                    if (InlineOptions(pattern, i) is { } options)
                    {
                        // "(?imnsx-imnsx)" changes the options for the rest of the pattern ("x" was refused above).
                        if (options.Contains('i', StringComparison.Ordinal))
                        {
                            ignoreCase = options.Split('-')[0].Contains('i', StringComparison.Ordinal);
                        }

                        i += options.Length + 3;
                        continue;
                    }

                    if (SkipBracketed(pattern, i) is not { } afterGroup)
                    {
                        return Longest(runs);
                    }

                    i = afterGroup;
                    break;
                case '[':
                    End();
                    if (SkipBracketed(pattern, i) is not { } afterClass)
                    {
                        return Longest(runs);
                    }

                    i = afterClass;
                    break;
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return Longest(runs);
                    }

                    var escaped = pattern[i + 1];
                    if (char.IsAsciiLetterOrDigit(escaped) || escaped > '\x7F')
                    {
                        // \d, \b, \x41, \p{L}, \k<name>, \1: classes, anchors, codes and references end the run. Their
                        // arguments are skipped as a whole, or the scan stops when it cannot tell where they end.
                        End();
                        if (SkipEscape(pattern, i) is not { } afterEscape)
                        {
                            return Longest(runs);
                        }

                        i = afterEscape;
                        break;
                    }

                    literal = escaped; // \. \/ \? \\ and every other escaped punctuation: that character.
                    i += 2;
                    break;
                case '.' or '^' or '$':
                    End();
                    i++;
                    break;
                case '*' or '+' or '?' or ')':
                    return Longest(runs); // Not after an atom: a pattern the scan does not follow.
                default:
                    literal = c;
                    i++;
                    break;
            }

            var quantifier = Quantifier(pattern, i);
            if (literal is not { } character)
            {
                i += quantifier?.Length ?? 0;
                continue;
            }

            // Under (?i) only ASCII characters are compared (see IgnoreCase).
            var usable = !ignoreCase || character <= '\x7F';
            if (quantifier is { } q)
            {
                i += q.Length;
                if (q.Minimum > 0 && usable)
                {
                    // "a+" or "a{2,}": the character is there once at least, but what follows may not be next to it.
                    run.Append(ignoreCase ? char.ToLowerInvariant(character) : character);
                }

                End(); // "s?" or "x*": the character may be absent.
                continue;
            }

            if (!usable)
            {
                End();
                continue;
            }

            run.Append(ignoreCase ? char.ToLowerInvariant(character) : character);
        }

        End();
        return Longest(runs);
    }

    private static RequiredLiteral? Longest(List<RequiredLiteral> runs) =>
        runs.Count == 0 ? null : runs.MaxBy(r => r.Text.Length);

    /// <summary>The option letters of "(?imnsx-imnsx)" at <paramref name="start"/> (not a "(?i:...)" group), or null.</summary>
    private static string? InlineOptions(string pattern, int start)
    {
        if (start + 2 >= pattern.Length || pattern[start + 1] != '?')
        {
            return null;
        }

        var end = start + 2;
        while (end < pattern.Length && pattern[end] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
        {
            end++;
        }

        return end > start + 2 && end < pattern.Length && pattern[end] == ')' ? pattern[(start + 2)..end] : null;
    }

    /// <summary>
    /// The index after the group ("(...)", classes inside it skipped whole) or the character class ("[...]", with
    /// subtractions such as "[a-z-[aeiou]]") that opens at <paramref name="start"/>, or null when its end is not found.
    /// </summary>
    private static int? SkipBracketed(string pattern, int start)
    {
        var isClass = pattern[start] == '[';
        var (open, close) = isClass ? ('[', ']') : ('(', ')');
        var i = start + 1;
        if (isClass)
        {
            // "[^" negates, and a ']' first in the class is a member, not its end.
            i += i < pattern.Length && pattern[i] == '^' ? 1 : 0;
            i += i < pattern.Length && pattern[i] == ']' ? 1 : 0;
        }

        var depth = 1;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (!isClass && c == '[')
            {
                if (SkipBracketed(pattern, i) is not { } afterClass)
                {
                    return null;
                }

                i = afterClass;
                continue;
            }

            if (c == open && (!isClass || pattern[i - 1] == '-'))
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return null;
    }

    /// <summary>The index after the letter or digit escape at <paramref name="start"/> and its argument, or null.</summary>
    private static int? SkipEscape(string pattern, int start)
    {
        var i = start + 2;
        switch (pattern[start + 1])
        {
            case 'x':
                return i + 2 <= pattern.Length ? i + 2 : null;
            case 'u':
                return i + 4 <= pattern.Length ? i + 4 : null;
            case 'c':
                return i + 1 <= pattern.Length ? i + 1 : null;
            case 'p' or 'P':
                var close = pattern.IndexOf('}', i);
                return close < 0 ? null : close + 1;
            case 'k':
                if (i >= pattern.Length)
                {
                    return null;
                }

                var end = pattern.IndexOf(pattern[i] == '<' ? '>' : '\'', i + 1);
                return end < 0 ? null : end + 1;
            case >= '0' and <= '9':
                while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
                {
                    i++;
                }

                return i;
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'b' or 'B' or 'A' or 'z' or 'Z' or 'G'
                or 'n' or 't' or 'r' or 'e' or 'a' or 'f' or 'v':
                return i;
            default:
                return null;
        }
    }

    /// <summary>The quantifier at <paramref name="start"/> (<c>? * + {n} {n,} {n,m}</c>, lazy or not), or null.</summary>
    private static (int Length, int Minimum)? Quantifier(string pattern, int start)
    {
        if (start >= pattern.Length)
        {
            return null;
        }

        (int Length, int Minimum)? found = pattern[start] switch
        {
            '?' or '*' => (1, 0),
            '+' => (1, 1),
            '{' => Braces(pattern, start),
            _ => null,
        };
        if (found is { } q && start + q.Length < pattern.Length && pattern[start + q.Length] == '?')
        {
            return (q.Length + 1, q.Minimum);
        }

        return found;
    }

    /// <summary>"{n}", "{n,}" or "{n,m}" at <paramref name="start"/>; anything else is a literal brace.</summary>
    private static (int Length, int Minimum)? Braces(string pattern, int start)
    {
        var i = start + 1;
        var digits = i;
        while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return null;
        }

        var minimum = int.TryParse(pattern.AsSpan(digits, i - digits), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        if (i < pattern.Length && pattern[i] == ',')
        {
            i++;
            while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
            {
                i++;
            }
        }

        return i < pattern.Length && pattern[i] == '}' ? (i + 1 - start, minimum) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\?[imns-]*x[imnsx-]*[:)]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FreeSpacing();
}
