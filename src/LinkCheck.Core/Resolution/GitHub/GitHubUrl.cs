namespace LinkCheck.Core.Resolution.GitHub;

/// <summary>What a link to a GitHub page points at.</summary>
public enum GitHubUrlKind
{
    /// <summary><c>/owner/repo</c>.</summary>
    Repository,

    /// <summary><c>/owner/repo/blob/ref/path</c>: a file at a ref.</summary>
    Blob,

    /// <summary><c>/owner/repo/tree/ref/path</c>: a directory (or the root) at a ref.</summary>
    Tree,

    /// <summary><c>/owner/repo/issues/N</c>.</summary>
    Issue,

    /// <summary><c>/owner/repo/pull/N</c> (and its tabs).</summary>
    PullRequest,

    /// <summary><c>/owner/repo/releases/tag/TAG</c>.</summary>
    Release,
}

/// <summary>A link to a page of a GitHub (or GitHub Enterprise) server that the REST API can answer for.</summary>
/// <param name="Kind">What the page is.</param>
/// <param name="Owner">The repository owner.</param>
/// <param name="Repository">The repository name.</param>
/// <param name="Ref">For blob and tree: the branch, tag or commit (the first path segment after blob/tree).</param>
/// <param name="Path">For blob and tree: the path in the repository, decoded; empty for the root.</param>
/// <param name="Number">For issues and pull requests: the number.</param>
/// <param name="Tag">For releases: the tag.</param>
public sealed record GitHubUrl(GitHubUrlKind Kind, string Owner, string Repository, string? Ref = null, string? Path = null, int? Number = null, string? Tag = null)
{
    private static readonly HashSet<string> ReservedOwners = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "account", "apps", "collections", "contact", "customer-stories", "enterprise", "explore", "features", "issues",
        "login", "marketplace", "new", "notifications", "orgs", "pricing", "pulls", "search", "security", "settings", "signup",
        "site", "sponsors", "topics", "trending", "users",
    };

    /// <summary>The repository as <c>owner/name</c>.</summary>
    public string FullName => Owner + "/" + Repository;

    /// <summary>Recognises <paramref name="uri"/> when its host is <paramref name="serverHost"/> (github.com or an Enterprise host).</summary>
    public static GitHubUrl? TryParse(Uri uri, string serverHost)
    {
        var host = uri.IdnHost;
        if (!host.Equals(serverHost, StringComparison.OrdinalIgnoreCase)
            && !(serverHost.Equals("github.com", StringComparison.OrdinalIgnoreCase) && host.Equals("www.github.com", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 2 || ReservedOwners.Contains(segments[0]) || !string.IsNullOrEmpty(uri.Query))
        {
            return null;
        }

        var owner = segments[0];
        var repository = segments[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[1][..^4] : segments[1];
        if (segments.Length == 2)
        {
            return new GitHubUrl(GitHubUrlKind.Repository, owner, repository);
        }

        switch (segments[2])
        {
            case "blob" or "tree" when segments.Length >= 4:
                return new GitHubUrl(segments[2] == "blob" ? GitHubUrlKind.Blob : GitHubUrlKind.Tree, owner, repository, segments[3], string.Join('/', segments.Skip(4)));
            case "issues" when segments.Length == 4 && int.TryParse(segments[3], out var issue):
                return new GitHubUrl(GitHubUrlKind.Issue, owner, repository, Number: issue);
            case "pull" when segments.Length >= 4 && int.TryParse(segments[3], out var pull):
                return new GitHubUrl(GitHubUrlKind.PullRequest, owner, repository, Number: pull);
            case "releases" when segments.Length == 5 && segments[3] == "tag":
                return new GitHubUrl(GitHubUrlKind.Release, owner, repository, Tag: segments[4]);
            default:
                return null;
        }
    }
}
