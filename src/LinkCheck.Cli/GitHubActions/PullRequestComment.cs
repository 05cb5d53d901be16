using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution.GitHub;
using Octokit;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>What publishing the sticky comment did.</summary>
internal enum CommentOutcome
{
    /// <summary>A new comment was posted.</summary>
    Created,

    /// <summary>Our earlier comment was edited.</summary>
    Updated,

    /// <summary>Nothing to say and no earlier comment: nothing was posted.</summary>
    NotNeeded,

    /// <summary>The token may not comment (a fork's read-only token, no token): a notice, not a failure.</summary>
    NotAllowed,
}

/// <summary>
/// One pull request comment that follows the pull request: found by a hidden marker, created once, edited on
/// every later run, and turned into a short "all links OK" when the problems are fixed, so it never shows stale
/// failures. Kept under GitHub's 65,536-character limit for a comment body.
/// </summary>
internal sealed class PullRequestComment
{
    /// <summary>The hidden marker that identifies our comment.</summary>
    public const string Marker = "<!-- linkcheck:report -->";

    /// <summary>GitHub's limit for a comment body.</summary>
    public const int MaxChars = 65_536;

    private readonly GitHubApi _api;

    /// <summary>Creates the publisher over the API helper.</summary>
    public PullRequestComment(GitHubApi api) => _api = api;

    /// <summary>Creates or updates the comment for <paramref name="report"/>.</summary>
    /// <returns>What happened, and a message for the log.</returns>
    public async Task<(CommentOutcome Outcome, string Message)> PublishAsync(CheckReport report, GitHubContext context, IReadOnlyList<string>? notes, CancellationToken cancellationToken)
    {
        if (context.PullRequestNumber is not { } number || context.Owner is not { } owner || context.Name is not { } name)
        {
            return (CommentOutcome.NotNeeded, "not a pull request: no comment");
        }

        if (string.IsNullOrEmpty(context.Token))
        {
            return (CommentOutcome.NotAllowed, "no GitHub token: the pull request comment is skipped (annotations and the job summary still report everything)");
        }

        try
        {
            var comments = await _api.CallAsync(c => c.Issue.Comment.GetAllForIssue(owner, name, number, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
            var ours = FindOurs(comments, await TokenIdentity.ResolveAsync(_api, cancellationToken).ConfigureAwait(false));
            var clean = !report.HasFailures && report.Summary.Warnings == 0;
            if (ours is null && clean)
            {
                return (CommentOutcome.NotNeeded, "all links OK: no comment needed");
            }

            var body = clean ? AllClear(report) : MarkdownReport.Render(report, new MarkdownReport.Options(MaxChars - 100, context, "###", Marker, notes));
            if (ours is null)
            {
                var created = await _api.CallAsync(c => c.Issue.Comment.Create(owner, name, number, body), cancellationToken).ConfigureAwait(false);
                return (CommentOutcome.Created, $"pull request comment created: {created?.HtmlUrl}");
            }

            await _api.CallAsync(c => c.Issue.Comment.Update(owner, name, ours.Id, body), cancellationToken).ConfigureAwait(false);
            return (CommentOutcome.Updated, $"pull request comment updated: {ours.HtmlUrl}");
        }
        catch (Exception e) when (e is ForbiddenException or AuthorizationException or NotFoundException
            || (e is ApiException api && api.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized))
        {
            // A fork's GITHUB_TOKEN is read-only: that is not a failure of the check.
            return (CommentOutcome.NotAllowed, "the token may not comment on this pull request (a fork's token is read-only): annotations and the job summary still report everything");
        }
    }

    /// <summary>
    /// Our earlier comment: it starts with the marker (every body we write does) and its author is the token's own
    /// identity. A comment by anyone else that quotes the marker is someone's words, never ours to edit.
    /// </summary>
    public static IssueComment? FindOurs(IEnumerable<IssueComment> comments, TokenIdentity identity) =>
        identity.FindOurs(comments, Marker, c => c.Body, c => c.User);

    private static string AllClear(CheckReport report) =>
        $"{Marker}\n### linkcheck: all links OK\n\nEvery problem this comment listed is fixed ({report.Summary.Links} links checked).\n";
}
