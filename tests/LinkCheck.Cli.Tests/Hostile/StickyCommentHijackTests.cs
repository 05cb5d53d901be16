using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>Issue 9, point 1: a comment that quotes our marker is someone's words, never ours to edit.</summary>
public sealed class StickyCommentHijackTests : FakeApiTestBase
{
    [Fact]
    public async Task Publish_ContributorCommentQuotingTheMarker_IsLeftAloneAndOursIsCreated()
    {
        var bait = PullRequestComment.Marker + "\nplease look at this, maintainers";
        Api.Comments[12] = [(1, bait, "stranger")];

        var result = await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 2), Context, null, default);

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.DoesNotContain(Api.Requests, r => r.Method == "PATCH");
        Assert.Equal(bait, Api.Comments[12].Single(c => c.Id == 1).Body);
        Assert.Equal("github-actions[bot]", Api.Comments[12].Single(c => c.Id != 1).Author);
    }

    [Fact]
    public async Task Publish_UserToken_UpdatesOnlyItsOwnCommentNotTheBots()
    {
        Api.UserLogin = "docs-maintainer";
        Api.Comments[12] =
        [
            (1, PullRequestComment.Marker + "\nold report by the workflow token", "github-actions[bot]"),
            (2, PullRequestComment.Marker + "\nold report by this token", "docs-maintainer"),
        ];

        var result = await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 1), Context, null, default);

        Assert.Equal(CommentOutcome.Updated, result.Outcome);
        var patch = Assert.Single(Api.Requests, r => r.Method == "PATCH");
        Assert.EndsWith("/issues/comments/2", patch.Path, StringComparison.Ordinal);
        Assert.Contains("old report by the workflow token", Api.Comments[12][0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AppToken_PrefersTheActionsBotOverAnotherApp()
    {
        Api.Comments[12] =
        [
            (1, PullRequestComment.Marker + "\nechoed by some other bot", "echo-bot[bot]"),
            (2, PullRequestComment.Marker + "\nour earlier report", "github-actions[bot]"),
        ];

        await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 1), Context, null, default);

        var patch = Assert.Single(Api.Requests, r => r.Method == "PATCH");
        Assert.EndsWith("/issues/comments/2", patch.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_MarkerQuotedInsideAnotherBotsComment_IsNotOurs()
    {
        // Bots that quote people put the quote after their own text: only a body that starts with the marker is ours.
        Api.Comments[12] = [(1, "> " + PullRequestComment.Marker + "\n> quoted", "echo-bot[bot]")];

        var result = await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 1), Context, null, default);

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.DoesNotContain(Api.Requests, r => r.Method == "PATCH");
    }
}
