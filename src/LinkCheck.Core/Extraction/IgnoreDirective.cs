namespace LinkCheck.Core.Extraction;

/// <summary>What an ignore comment asks for.</summary>
public enum IgnoreDirectiveKind
{
    /// <summary><c>&lt;!-- linkcheck-disable --&gt;</c>: ignore links from here on.</summary>
    Disable,

    /// <summary><c>&lt;!-- linkcheck-enable --&gt;</c>: check links again from here on.</summary>
    Enable,

    /// <summary><c>&lt;!-- linkcheck-disable-next-line --&gt;</c>: ignore the links on the next line.</summary>
    DisableNextLine,

    /// <summary><c>&lt;!-- linkcheck-disable-line --&gt;</c>: ignore the links on this line.</summary>
    DisableLine,
}

/// <summary>An ignore comment in a document, where it is written.</summary>
/// <param name="Kind">What it asks for.</param>
/// <param name="Line">Its 1-based line.</param>
/// <param name="Column">Its 1-based column.</param>
/// <param name="Text">The comment as written (e.g. <c>mlc-disable</c>), for the reason shown.</param>
public sealed record IgnoreDirective(IgnoreDirectiveKind Kind, int Line, int Column, string Text);
