using System.Text.RegularExpressions;

namespace LinkCheck.Cli;

/// <summary>The <c>owner/name</c> of a github.com remote URL, in the forms git accepts (git-clone(1), "GIT URLS").</summary>
internal static partial class GitHubRemote
{
    /// <summary><c>owner/name</c> for https, ssh and scp-like github.com URLs (with or without <c>.git</c>), else null.</summary>
    public static string? Parse(string url)
    {
        var match = Remote().Match(url.Trim());
        return match.Success ? match.Groups["owner"].Value + "/" + match.Groups["name"].Value : null;
    }

    // https://github.com/o/n(.git), ssh://git@github.com/o/n.git, git@github.com:o/n.git; owner and name as GitHub allows them.
    [GeneratedRegex(@"^(?:(?:https?|ssh|git)://(?:[^@/]+@)?github\.com(?::\d+)?/|[^@/:]+@github\.com:)(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?<name>[A-Za-z0-9._-]+?)(?:\.git)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex Remote();
}
