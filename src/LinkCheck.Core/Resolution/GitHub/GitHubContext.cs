namespace LinkCheck.Core.Resolution.GitHub;

/// <summary>
/// Where a run happens on GitHub: the repository, the commit, the pull request and the API to talk to. The CLI
/// builds it from the runner's variables (GITHUB_*) and the event payload; Core never reads the environment.
/// See https://docs.github.com/actions/reference/variables-reference.
/// </summary>
public sealed record GitHubContext
{
    /// <summary>The web address, <c>GITHUB_SERVER_URL</c> (https://github.com, or a GitHub Enterprise server).</summary>
    public Uri ServerUrl { get; init; } = new("https://github.com");

    /// <summary>The REST API address, <c>GITHUB_API_URL</c> (https://api.github.com, or https://HOST/api/v3).</summary>
    public Uri ApiUrl { get; init; } = new("https://api.github.com");

    /// <summary>The repository, <c>owner/name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary>The commit the run is for: the pull request's head commit on pull_request events, else <c>GITHUB_SHA</c>.</summary>
    public string? Sha { get; init; }

    /// <summary>Branch and tag names that mean "the code being checked" (head branch, <c>GITHUB_REF_NAME</c>).</summary>
    public IReadOnlyList<string> CurrentRefs { get; init; } = [];

    /// <summary>The event that started the workflow (<c>GITHUB_EVENT_NAME</c>).</summary>
    public string? EventName { get; init; }

    /// <summary>The pull request number, on pull_request and pull_request_target events.</summary>
    public int? PullRequestNumber { get; init; }

    /// <summary>The pull request's base commit.</summary>
    public string? BaseSha { get; init; }

    /// <summary>True when the pull request comes from a fork (its token is usually read-only).</summary>
    public bool IsFork { get; init; }

    /// <summary>The token for the API; sent to <see cref="ApiUrl"/>'s host only.</summary>
    public string? Token { get; init; }

    /// <summary>The owner part of <see cref="Repository"/>.</summary>
    public string? Owner => Repository?.Split('/')[0];

    /// <summary>The name part of <see cref="Repository"/>.</summary>
    public string? Name => Repository?.Split('/') is [_, var name] ? name : null;

    /// <summary>The address of a line of a file at the run's commit: <c>{server}/{repo}/blob/{sha}/{path}#L{line}</c>.</summary>
    public string? LineUrl(string path, int line) =>
        Repository is null || Sha is null
            ? null
            : $"{ServerUrl.AbsoluteUri.TrimEnd('/')}/{Repository}/blob/{Sha}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}#L{line}";
}
