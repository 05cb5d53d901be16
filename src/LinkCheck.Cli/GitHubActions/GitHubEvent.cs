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

    /// <summary>What was wrong with the payload, when part of it was ignored; null when it was read as it is.</summary>
    public string? Problem { get; init; }

    /// <summary>An event without a pull request, because of <paramref name="problem"/>.</summary>
    public static GitHubEvent Unusable(string problem) => None with { Problem = problem };

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

            // GitHub sends the number as a JSON number (https://docs.github.com/webhooks/webhook-events-and-payloads#pull_request);
            // anything else (a string, a negative number) is not a pull request we can talk to.
            var number = Number(pr) ?? Number(document.RootElement);
            if (number is not > 0)
            {
                return Unusable("the event payload's pull request number is not a positive whole number");
            }

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
            return Unusable("the event payload is not JSON");
        }
    }

    private static int? Number(JsonElement element) =>
        element.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var value) ? value : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? RepoName(JsonElement side) =>
        side.ValueKind == JsonValueKind.Object && side.TryGetProperty("repo", out var repo) ? String(repo, "full_name") : null;
}
