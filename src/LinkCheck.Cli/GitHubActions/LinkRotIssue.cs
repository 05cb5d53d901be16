using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution.GitHub;
using Octokit;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>What keeping the link-rot issue did.</summary>
public enum IssueOutcome
{
    /// <summary>Links are broken and no issue was open: one was opened.</summary>
    Created,

    /// <summary>Links are broken and our issue was open: its report was replaced.</summary>
    Updated,

    /// <summary>Every link works again: our open issue got a short note and was closed.</summary>
    Closed,

    /// <summary>Every link works and no issue is open: nothing was done.</summary>
    NotNeeded,

    /// <summary>No repository, no token, or a token that may not write issues: a notice, not a failure.</summary>
    NotAllowed,
}

/// <summary>
/// One issue that tracks link rot between pull requests, for scheduled runs (<c>--report-issue</c>, the action's
/// <c>issue</c> input): opened when links break, its body replaced with the current report on later runs, and
/// closed with a short note once every link works again. The issue is found again by its label, the hidden
/// marker its body starts with and its author, the token's own identity (<see cref="TokenIdentity"/>), so an issue
/// a person opened or copied the marker into is never touched. Bodies stay under GitHub's 65,536-character limit.
/// </summary>
public sealed class LinkRotIssue
{
    /// <summary>The hidden marker that identifies our issue.</summary>
    public const string Marker = "<!-- linkcheck:link-rot -->";

    /// <summary>The label the issue carries (GitHub creates it on first use).</summary>
    public const string Label = "linkcheck";

    /// <summary>GitHub's limit for an issue body.</summary>
    public const int MaxChars = 65_536;

    private readonly GitHubApi _api;

    /// <summary>Creates the publisher over the API helper.</summary>
    public LinkRotIssue(GitHubApi api) => _api = api;

    /// <summary>Opens, updates or closes the issue for <paramref name="report"/>.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="context">The repository and token.</param>
    /// <param name="runUrl">The workflow run's address, named in the notes, when known.</param>
    /// <param name="cancellationToken">Cancels the API calls.</param>
    /// <returns>What happened, and a message for the log.</returns>
    public async Task<(IssueOutcome Outcome, string Message)> PublishAsync(CheckReport report, GitHubContext context, Uri? runUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Owner is not { } owner || context.Name is not { } name)
        {
            return (IssueOutcome.NotAllowed, "no repository (GITHUB_REPOSITORY): the link-rot issue is skipped");
        }

        if (string.IsNullOrEmpty(context.Token))
        {
            return (IssueOutcome.NotAllowed, "no GitHub token: the link-rot issue is skipped");
        }

        try
        {
            var identity = await TokenIdentity.ResolveAsync(_api, cancellationToken).ConfigureAwait(false);
            // A user token's own issues are asked for by login; an app token cannot read its own login, so its
            // candidates are filtered here (TokenIdentity.Match).
            var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, Creator = identity.Login };
            request.Labels.Add(Label);
            var open = await _api.CallAsync(c => c.Issue.GetAllForRepository(owner, name, request, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
            var ours = FindOurs(open, identity);
            var run = runUrl is null ? string.Empty : $" in [this run]({runUrl.AbsoluteUri})";

            if (!report.HasFailures)
            {
                if (ours is null)
                {
                    return (IssueOutcome.NotNeeded, "all links work: no link-rot issue is open");
                }

                var note = $"{Marker}\nAll links work again ({report.Summary.Links} links checked{run}): closing this issue.";
                await _api.CallAsync(c => c.Issue.Comment.Create(owner, name, ours.Number, note), cancellationToken).ConfigureAwait(false);
                var close = new IssueUpdate { State = ItemState.Closed, StateReason = ItemStateReason.Completed };
                await _api.CallAsync(c => c.Issue.Update(owner, name, ours.Number, close), cancellationToken).ConfigureAwait(false);
                return (IssueOutcome.Closed, $"all links work again: link-rot issue closed: {ours.HtmlUrl}");
            }

            var broken = report.FailureCount;
            var title = broken == 1 ? "linkcheck: 1 broken link" : $"linkcheck: {broken} broken links";
            string[] footer = [$"This issue is kept up to date by linkcheck{run}, and closed when every link works again."];
            var body = MarkdownReport.Render(report, new MarkdownReport.Options(MaxChars - 200, context, "##", Marker, footer));
            if (ours is null)
            {
                var issue = new NewIssue(title) { Body = body };
                issue.Labels.Add(Label);
                var created = await _api.CallAsync(c => c.Issue.Create(owner, name, issue), cancellationToken).ConfigureAwait(false);
                return (IssueOutcome.Created, $"link-rot issue opened: {created.HtmlUrl}");
            }

            var update = new IssueUpdate { Title = title, Body = body };
            await _api.CallAsync(c => c.Issue.Update(owner, name, ours.Number, update), cancellationToken).ConfigureAwait(false);
            return (IssueOutcome.Updated, $"link-rot issue updated: {ours.HtmlUrl}");
        }
        catch (Exception e) when (e is ForbiddenException or AuthorizationException or NotFoundException
            || (e is ApiException api && api.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized))
        {
            return (IssueOutcome.NotAllowed, "the token may not write issues (the workflow needs 'issues: write'): the link-rot issue is skipped");
        }
    }

    /// <summary>
    /// Our open issue: not a pull request (the issues endpoint lists those too), its body starts with the marker
    /// (every body we write does), and its author is the token's own identity; the oldest when there are several.
    /// </summary>
    internal static Issue? FindOurs(IEnumerable<Issue> issues, TokenIdentity identity) =>
        identity.FindOurs(issues.Where(i => i.PullRequest is null).OrderBy(i => i.Number), Marker, i => i.Body, i => i.User);
}
