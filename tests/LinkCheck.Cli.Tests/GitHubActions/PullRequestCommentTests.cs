
using LinkCheck.Cli.GitHubActions;

namespace LinkCheck.Cli.Tests.GitHubActions;

public sealed class PullRequestCommentTests : FakeApiTestBase
{
    [Fact]
    public async Task Publish_CreatesOnceUpdatesLaterAndTurnsIntoAllClear()
    {
        // 150 comments by people come first, so ours is found only by paging.
        Api.Comments[12] = [.. Enumerable.Range(1, 150).Select(i => ((long)i, $"comment {i} mentioning <!-- other -->", "someone"))];
        var comment = new PullRequestComment(CreateApi());

        var first = await comment.PublishAsync(ReportWith(broken: 3), Context, null, default);
        var second = await comment.PublishAsync(ReportWith(broken: 1), Context, null, default);
        var fixedRun = await comment.PublishAsync(ReportWith(broken: 0), Context, null, default);

        Assert.Equal(CommentOutcome.Created, first.Outcome);
        Assert.Equal(CommentOutcome.Updated, second.Outcome);
        Assert.Equal(CommentOutcome.Updated, fixedRun.Outcome);
        var ours = Assert.Single(Api.Comments[12], c => c.Body.Contains(PullRequestComment.Marker, StringComparison.Ordinal));
        Assert.StartsWith(PullRequestComment.Marker + "\n### linkcheck: all links OK", ours.Body, StringComparison.Ordinal);
        Assert.Equal(151, Api.Comments[12].Count);
        Assert.Single(Api.Requests, r => r.Method == "POST");
        Assert.Equal(2, Api.Requests.Count(r => r.Method == "PATCH"));
        Assert.Contains(Api.Requests, r => r.Query.Contains("page=2", StringComparison.Ordinal));
        Assert.All(Api.Requests, r => Assert.Equal("Token " + Token, r.Authorization));
    }

    [Fact]
    public async Task Publish_NothingToSayAndNoEarlierComment_PostsNothing()
    {
        var result = await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 0), Context, null, default);
        Assert.Equal(CommentOutcome.NotNeeded, result.Outcome);
        Assert.DoesNotContain(Api.Requests, r => r.Method is "POST" or "PATCH");
    }

    [Fact]
    public async Task Publish_ForkReadOnlyToken_IsANoticeNotAFailure()
    {
        Api.ForbidComments = true;
        var result = await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 2), Context, null, default);
        Assert.Equal(CommentOutcome.NotAllowed, result.Outcome);
        Assert.Contains("read-only", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NoToken_IsANoticeAndSendsNothing()
    {
        var result = await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 2), Context with { Token = null }, null, default);
        Assert.Equal(CommentOutcome.NotAllowed, result.Outcome);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task Publish_HugeReport_StaysUnderTheCommentLimit()
    {
        await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 3000), Context, null, default);
        var body = Assert.Single(Api.Comments[12]).Body;
        Assert.True(body.Length < PullRequestComment.MaxChars, $"{body.Length} characters");
        Assert.StartsWith(PullRequestComment.Marker, body, StringComparison.Ordinal);
        Assert.Contains("more findings not shown", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Publish_SecondaryRateLimit_IsWaitedOutAndRetried()
    {
        Api.RateLimit = (2, 403, 3);
        var publish = new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 1), Context, null, default);

        Assert.Equal(TimeSpan.FromSeconds(3), await Time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(3), await Time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(3)));
        var result = await publish;

        Assert.Equal(CommentOutcome.Created, result.Outcome);
    }

    [Fact(Timeout = 30_000)]
    public async Task Publish_429_IsWaitedOutAndRetried()
    {
        Api.RateLimit = (1, 429, 5);
        var publish = new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 1), Context, null, default);
        await Time.AdvanceToNextTimerAsync(d => d == TimeSpan.FromSeconds(5));
        Assert.Equal(CommentOutcome.Created, (await publish).Outcome);
    }
}
