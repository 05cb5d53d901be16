using LinkCheck.Core.Fixing;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution.GitHub;
using Octokit;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// Offers <c>--fix</c>'s fixes on a pull request as GitHub suggested changes: one review whose comments each
/// carry a <c>```suggestion</c> block the author can commit with one click. A review comment can only sit on a
/// line of the pull request's diff; the other fixes are returned for the sticky comment. A suggestion already on
/// the pull request (same file, same text) is not posted again, so re-runs do not pile up duplicates.
/// </summary>
internal sealed class FixSuggestions
{
    /// <summary>The hidden marker of our review comments.</summary>
    public const string Marker = "<!-- linkcheck:fix -->";

    private readonly GitHubApi _api;

    /// <summary>Creates the publisher over the API helper.</summary>
    public FixSuggestions(GitHubApi api) => _api = api;

    /// <summary>Posts the fixes that fall on diff lines; returns the ones that do not, and a message for the log.</summary>
    public async Task<(IReadOnlyList<(string Path, LineChange Change)> Elsewhere, string Message)> PublishAsync(FixPlan plan, GitHubContext context, CancellationToken cancellationToken)
    {
        var all = plan.Files.SelectMany(f => f.Changes.Select(c => (f.Path, Change: c))).ToList();
        if (all.Count == 0 || context.PullRequestNumber is not { } number || context.Owner is not { } owner || context.Name is not { } name || context.Sha is not { } sha)
        {
            return (all, "no fixes to suggest on a pull request");
        }

        try
        {
            var files = await _api.CallAsync(c => c.PullRequest.Files(owner, name, number, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
            var positions = files.ToDictionary(f => f.FileName, f => DiffPositions.Parse(f.Patch), StringComparer.Ordinal);
            var existing = await _api.CallAsync(c => c.PullRequest.ReviewComment.GetAll(owner, name, number, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
            // Only our own suggestions count as already posted: a stranger's copy must not suppress ours.
            var identity = await TokenIdentity.ResolveAsync(_api, cancellationToken).ConfigureAwait(false);
            var posted = existing.Where(c => c.Body?.StartsWith(Marker, StringComparison.Ordinal) == true && identity.Match(c.User) > 0).Select(c => (c.Path, c.Body)).ToHashSet();

            var drafts = new List<DraftPullRequestReviewComment>();
            var elsewhere = new List<(string, LineChange)>();
            var already = 0;
            foreach (var (path, change) in all)
            {
                if (!positions.TryGetValue(path, out var lines) || !lines.TryGetValue(change.Line, out var position))
                {
                    elsewhere.Add((path, change));
                    continue;
                }

                var body = Body(change);
                if (posted.Contains((path, body)))
                {
                    already++;
                    continue;
                }

                drafts.Add(new DraftPullRequestReviewComment(body, path, position));
            }

            if (drafts.Count > 0)
            {
                var review = new PullRequestReviewCreate
                {
                    CommitId = sha,
                    Event = PullRequestReviewEvent.Comment,
                    Body = $"{Marker}\nlinkcheck can fix {drafts.Count} {(drafts.Count == 1 ? "link" : "links")} on lines this pull request changes: commit the suggestions below, or run `linkcheck --fix` locally.",
                    Comments = drafts,
                };
                await _api.CallAsync(c => c.PullRequest.Review.Create(owner, name, number, review), cancellationToken).ConfigureAwait(false);
            }

            var message = $"suggested {drafts.Count} {(drafts.Count == 1 ? "fix" : "fixes")} in a pull request review"
                + (already > 0 ? $" ({already} already suggested)" : string.Empty)
                + (elsewhere.Count > 0 ? $"; {elsewhere.Count} outside the diff are listed in the comment" : string.Empty);
            return (elsewhere, message);
        }
        catch (Exception e) when (e is ForbiddenException or AuthorizationException or NotFoundException
            || (e is ApiException api && api.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.UnprocessableEntity))
        {
            // A fork's read-only token, or a diff that moved on since: the comment still lists every fix.
            return (all, "cannot post suggested changes on this pull request: the fixes are listed in the comment instead");
        }
    }

    /// <summary>The comment for one changed line: why, then the whole new line as a suggestion block.</summary>
    public static string Body(LineChange change)
    {
        var why = string.Join("; ", change.Fixes.Select(f => $"{MarkdownText.Escape(f.Result.Message ?? "fixable")} (`{f.Result.Code}`)"));
        // The line is shown as it will be, verbatim: the fence is longer than any run of backticks in it.
        var fence = new string('`', Math.Max(3, LongestBacktickRun(change.After) + 1));
        return $"{Marker}\n**linkcheck**: {why}\n\n{fence}suggestion\n{change.After}\n{fence}\n";
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
