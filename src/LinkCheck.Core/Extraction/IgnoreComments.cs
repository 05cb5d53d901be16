using System.Text.RegularExpressions;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// Inline ignore comments, linkcheck's own and markdown-link-check's (so a repository moving from it keeps its
/// comments): <c>&lt;!-- linkcheck-disable --&gt;</c> … <c>&lt;!-- linkcheck-enable --&gt;</c>,
/// <c>&lt;!-- linkcheck-disable-next-line --&gt;</c>, <c>&lt;!-- linkcheck-disable-line --&gt;</c>, with
/// <c>markdown-link-check-</c> or <c>mlc-</c> in place of <c>linkcheck-</c>. Only real HTML comments count: the
/// same text in a code block is not a directive.
/// </summary>
public static partial class IgnoreComments
{
    /// <summary>The directive in an HTML comment's text, or null.</summary>
    public static (IgnoreDirectiveKind Kind, string Text)? Parse(string commentData)
    {
        var match = Directive().Match(commentData);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups[2].Value switch
        {
            "disable" => IgnoreDirectiveKind.Disable,
            "enable" => IgnoreDirectiveKind.Enable,
            "disable-next-line" => IgnoreDirectiveKind.DisableNextLine,
            _ => IgnoreDirectiveKind.DisableLine,
        };
        return (kind, match.Groups[0].Value.Trim());
    }

    /// <summary>Why <paramref name="link"/> is ignored by one of <paramref name="directives"/>, or null.</summary>
    public static string? ReasonFor(LinkOccurrence link, IReadOnlyList<IgnoreDirective> directives)
    {
        if (directives.Count == 0)
        {
            return null;
        }

        IgnoreDirective? range = null;
        foreach (var directive in directives)
        {
            var before = directive.Line < link.Location.Line || (directive.Line == link.Location.Line && directive.Column < link.Location.Column);
            switch (directive.Kind)
            {
                case IgnoreDirectiveKind.DisableLine when directive.Line == link.Location.Line:
                case IgnoreDirectiveKind.DisableNextLine when directive.Line + 1 == link.Location.Line:
                    return Reason(directive);
                case IgnoreDirectiveKind.Disable when before:
                    range = directive;
                    break;
                case IgnoreDirectiveKind.Enable when before:
                    range = null;
                    break;
            }
        }

        return range is null ? null : Reason(range);
    }

    private static string Reason(IgnoreDirective directive) => $"ignored by <!-- {directive.Text} --> on line {directive.Line}";

    [GeneratedRegex(@"^\s*(linkcheck|markdown-link-check|mlc)-(disable-next-line|disable-line|disable|enable)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
