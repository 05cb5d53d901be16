using System.Text.Json;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>The parts of a workflow event payload (<c>GITHUB_EVENT_PATH</c>) that matter here.</summary>
/// <param name="PullRequestNumber">The pull request's number, for pull_request events.</param>
/// <param name="HeadSha">The pull request's head commit.</param>
/// <param name="HeadRef">The pull request's head branch.</param>
/// <param name="BaseSha">The pull request's base commit.</param>
/// <param name="IsFork">True when the head repository is not the base repository.</param>
internal sealed record GitHubEvent(int? PullRequestNumber, string? HeadSha, string? HeadRef, string? BaseSha, bool IsFork)
{
    /// <summary>An event without a pull request.</summary>
    public static GitHubEvent None { get; } = new(null, null, null, null, false);

    /// <summary>Reads a payload; an unreadable one is treated as an event without a pull request.</summary>
    public static GitHubEvent Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("pull_request", out var pr) || pr.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var number = pr.TryGetProperty("number", out var n) && n.TryGetInt32(out var value) ? value
                : document.RootElement.TryGetProperty("number", out var top) && top.TryGetInt32(out var topValue) ? topValue : (int?)null;
            var head = pr.TryGetProperty("head", out var h) ? h : default;
            var baseRef = pr.TryGetProperty("base", out var b) ? b : default;
            return new GitHubEvent(
                number,
                String(head, "sha"),
                String(head, "ref"),
                String(baseRef, "sha"),
                RepoName(head) is { } headRepo && RepoName(baseRef) is { } baseRepo && !string.Equals(headRepo, baseRepo, StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? RepoName(JsonElement side) =>
        side.ValueKind == JsonValueKind.Object && side.TryGetProperty("repo", out var repo) ? String(repo, "full_name") : null;
}
