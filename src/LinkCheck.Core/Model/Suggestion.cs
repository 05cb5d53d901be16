namespace LinkCheck.Core.Model;

/// <summary>A fix a resolver proposes for a target; turned into a replacement URL for each occurrence.</summary>
public abstract record Suggestion
{
    /// <summary>
    /// True when the fix is the only one possible (a permanent redirect's final URL, the one anchor that differs
    /// only in case, the one file with the missing file's name): <c>--fix</c> applies only these. A guess from
    /// edit distance is a hint for a person, never rewritten automatically.
    /// </summary>
    public bool IsCertain { get; init; }

    /// <summary>Replace the link's fragment with <paramref name="Fragment"/> (without <c>#</c>).</summary>
    public sealed record ReplaceFragment(string Fragment) : Suggestion;

    /// <summary>Point the link's path at this repository-relative path, keeping its fragment and query.</summary>
    public sealed record ReplacePath(string RepositoryPath) : Suggestion;

    /// <summary>Replace the whole URL (for example with the final URL of a permanent redirect).</summary>
    public sealed record ReplaceUrl(string Url) : Suggestion;
}
