using LinkCheck.Core.Changes;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Core;

/// <summary>
/// Everything a run can be told. The defaults live here once, as named constants; the CLI, README and
/// action.yml quote them.
/// </summary>
public sealed record LinkCheckOptions
{
    /// <summary>The largest file checked: bigger files are reported as errors rather than parsed.</summary>
    public const long DefaultMaxFileSize = 64L * 1024 * 1024;

    /// <summary>The repository root (absolute). Links are resolved against it and nothing outside it is read.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Files and directories to check (absolute or relative to the working directory); empty means the root, unless <see cref="StandardInput"/> is given.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Globs a markdown file must match (<c>--include-path</c>); empty means the markdown extensions.</summary>
    public IReadOnlyList<string> IncludePaths { get; init; } = [];

    /// <summary>Globs of files and directories not to check (<c>--exclude-path</c>).</summary>
    public IReadOnlyList<string> ExcludePaths { get; init; } = [];

    /// <summary>Regular expressions of URLs not to check (<c>--exclude</c>); such links are reported as excluded.</summary>
    public IReadOnlyList<string> ExcludeUrls { get; init; } = [];

    /// <summary>Regular expressions of URLs to check (<c>--include</c>): when given, only matching URLs are checked.</summary>
    public IReadOnlyList<string> IncludeUrls { get; init; } = [];

    /// <summary>Do not check http(s) links to private or link-local addresses (<c>--exclude-private</c>).</summary>
    public bool ExcludePrivate { get; init; }

    /// <summary>Do not check http(s) links to localhost and loopback addresses (<c>--exclude-loopback</c>).</summary>
    public bool ExcludeLoopback { get; init; }

    /// <summary>
    /// When not empty, only links whose scheme is listed (<c>https</c>, <c>http</c>, <c>mailto</c>, ...) are checked
    /// (<c>--scheme</c>); links without a scheme (relative paths, <c>#fragments</c>) are always checked.
    /// </summary>
    public IReadOnlyList<string> Schemes { get; init; } = [];

    /// <summary>URL rewrites applied before checking, <c>REGEX REPLACEMENT</c> each (<c>--remap</c>).</summary>
    public IReadOnlyList<string> Remaps { get; init; } = [];

    /// <summary>Check only the files a change can break (<c>--changed-since</c>, the action's <c>only-changed</c>).</summary>
    public Changes.ChangeSet? Changes { get; init; }

    /// <summary>The GitHub repository and commit, when known: links into this repository are then checked locally.</summary>
    public Resolution.GitHub.GitHubContext? GitHub { get; init; }

    /// <summary>
    /// Text to check instead of what is on disk, by repository path (the staged content for <c>--staged</c>): line
    /// numbers are those of this text.
    /// </summary>
    public IReadOnlyDictionary<string, string> Contents { get; init; } = new Dictionary<string, string>();

    /// <summary>Markdown from standard input (the path <c>-</c>), checked with the <see cref="Paths"/>; with no paths, alone.</summary>
    public Model.StandardInputDocument? StandardInput { get; init; }

    /// <summary>How external links are checked.</summary>
    public HttpCheckOptions Http { get; init; } = new();

    /// <summary>Honour <c>.gitignore</c> and <c>.git/info/exclude</c> when looking for files.</summary>
    public bool UseGitIgnore { get; init; } = true;

    /// <summary>Check nothing over the network: external links are skipped.</summary>
    public bool Offline { get; init; }

    /// <summary>Files larger than this many bytes are reported as errors instead of being parsed.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>Find the sites of the repository from their generators' configuration files (<c>--site none</c> turns it off).</summary>
    public bool DetectSites { get; init; } = true;

    /// <summary>Sites named by the user (<c>sites:</c>, <c>--site generator=DIR</c>); they win over detection at their root.</summary>
    public IReadOnlyList<Sites.SiteOverride> Sites { get; init; } = [];

    /// <summary>How many files are parsed at once (default: one per processor).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
