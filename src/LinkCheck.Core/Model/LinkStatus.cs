namespace LinkCheck.Core.Model;

/// <summary>The verdict for one link. Every value has one meaning, used by every reporter.</summary>
public enum LinkStatus
{
    /// <summary>The target exists (the file, the heading, the page).</summary>
    Ok,

    /// <summary>The target does not exist or cannot be reached; fails the run (exit code 1).</summary>
    Broken,

    /// <summary>The link works, but something should be fixed (a case-only anchor mismatch, a permanent redirect).</summary>
    Warning,

    /// <summary>The server refused a robot rather than saying the page is gone (bot protection, rate limits).</summary>
    Unverified,

    /// <summary>Not checked, with a reason (an unchecked scheme, an external link while offline).</summary>
    Skipped,

    /// <summary>Not checked because the user excluded it (an <c>--exclude</c> pattern, an ignore comment).</summary>
    Excluded,

    /// <summary>The file itself could not be checked (unreadable, binary, not UTF-8, too deeply nested); fails the run.</summary>
    Error,
}
