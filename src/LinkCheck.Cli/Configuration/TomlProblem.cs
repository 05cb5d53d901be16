using System.Text.RegularExpressions;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Why a TOML file is not valid TOML, as one line a person reads: <c>FILE:LINE:COLUMN: not valid TOML: the file ends
/// before an array is closed (add ])</c>. Tomlyn's own text names its converter types, spans several lines and
/// speaks of tokens (<c>(token: `Eof`)</c>); its diagnostics carry the position and a sentence that only needs
/// its parser words replaced.
/// </summary>
internal static partial class TomlProblem
{
    /// <summary>
    /// Parses <paramref name="toml"/> with TOML's rules checked (a key set twice, a table defined twice: TOML 1.0
    /// "Keys" and "Table" forbid both) and returns the syntax tree.
    /// </summary>
    /// <exception cref="Core.LinkCheckConfigurationException">The text is not valid TOML.</exception>
    public static DocumentSyntax Parse(string toml, string source, string prefix)
    {
        var document = SyntaxParser.Parse(toml, source, validate: true);
        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } first)
        {
            var all = document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).Select(d => d.Message).ToList();
            throw new Core.LinkCheckConfigurationException(
                $"{prefix}{source}:{first.Span.Start.Line + 1}:{first.Span.Start.Column + 1}: not valid TOML: {Describe(first.Message, all)}");
        }

        return document;
    }

    /// <summary>One diagnostic in plain words; <paramref name="all"/> tells what the end of the file interrupted.</summary>
    internal static string Describe(string message, IReadOnlyList<string> all)
    {
        if (message.Contains("<eof>", StringComparison.Ordinal) || message.Contains("End-Of-File", StringComparison.OrdinalIgnoreCase) || message.Contains("`Eof`", StringComparison.Ordinal))
        {
            return all.Any(m => m.Contains("closing `]` for an array", StringComparison.Ordinal)) ? "the file ends before an array is closed (add ])"
                : all.Any(m => m.Contains("inline table", StringComparison.Ordinal)) ? "the file ends before an inline table is closed (add })"
                : all.Any(m => m.Contains("multi-line string", StringComparison.Ordinal)) ? "the file ends inside a multi-line string (close it with the quotes it opened with)"
                : all.Any(m => m.Contains("string", StringComparison.Ordinal)) ? "the file ends inside a string (close it with the quote it opened with)"
                : "the file ends where a value was expected";
        }

        if (message.StartsWith("Invalid newline in a string", StringComparison.Ordinal))
        {
            return "a string is not closed before the end of its line (close it with the quote it opened with, or use ''' or \"\"\" for several lines)";
        }

        var text = TokenNote().Replace(message, string.Empty);
        text = Defined().Replace(text, "already set at line $1, and TOML allows a key or table only once");
        text = Bracketed().Replace(text, "`$1`");
        text = text.Replace("␤", "a line break", StringComparison.Ordinal).Replace("Unexpected token found", "unexpected", StringComparison.Ordinal)
            .Replace("Unexpected token", "unexpected", StringComparison.Ordinal).TrimEnd().TrimEnd('.');
        return text.Length == 0 ? "a syntax error" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    // " (token: `Eof`)", " (token: comma)": the parser's names for what it saw.
    [GeneratedRegex(@" \(token: [^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenNote();

    // "is already defined at (1,1) with `timeout = 20` and cannot be redefined": the position is enough.
    [GeneratedRegex(@"already defined at \((\d+),\d+\) with `.*` and cannot be redefined", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Defined();

    // "Unexpected token [=] found": brackets around a character read as a character class or a link.
    [GeneratedRegex(@"\[([^\]\s]{1,8})\]", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();
}
