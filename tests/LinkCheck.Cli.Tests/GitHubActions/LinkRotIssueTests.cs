using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli.Tests.GitHubActions;

/// <summary>The link-rot issue, through the real Octokit client against the fake GitHub API on loopback.</summary>
public sealed class LinkRotIssueTests : IAsyncLifetime
{
    private const string Token = "ghs_scheduled123";
    private FakeGitHubApi _api = null!;
    private GitHubContext _context = null!;
    private static readonly Uri RunUrl = new("https://github.com/octo/docs/actions/runs/42");

    public async Task InitializeAsync()
    {
        _api = await FakeGitHubApi.StartAsync();
        _context = new GitHubContext { ApiUrl = new Uri(_api.BaseUrl), Repository = "octo/docs", Sha = "mainsha", EventName = "schedule", Token = Token };
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private LinkRotIssue Issue(GitHubContext? context = null) =>
        new(new GitHubApi(GitHubClientFactory.Create(context ?? _context, FakeGitHubApi.Handler), new ObservableTime()));

    private static CheckReport ReportWith(int broken)
    {
        var results = Enumerable.Range(1, broken)
            .Select(i => LinkResult.For(new LinkOccurrence(new SourceLocation($"docs/page-{i}.md", i, 2, 10), $"https://gone.example/{i}", "", LinkKind.Link), LinkStatus.Broken, "HTTP 404"))
            .Append(LinkResult.For(new LinkOccurrence(new SourceLocation("README.md", 1, 1, 2), "docs/page-1.md", "", LinkKind.Link), LinkStatus.Ok, null))
            .ToList();
        return new CheckReport(results, CheckSummary.From(results, 3, results.Count, TimeSpan.Zero), []);
    }

    [Fact]
    public async Task Publish_LinksBreakThenBreakAgainThenWork_OpensUpdatesAndClosesOneIssue()
    {
        var opened = await Issue().PublishAsync(ReportWith(broken: 2), _context, RunUrl, default);
        var updated = await Issue().PublishAsync(ReportWith(broken: 1), _context, RunUrl, default);
        var closed = await Issue().PublishAsync(ReportWith(broken: 0), _context, RunUrl, default);

        Assert.Equal(IssueOutcome.Created, opened.Outcome);
        Assert.Equal(IssueOutcome.Updated, updated.Outcome);
        Assert.Equal(IssueOutcome.Closed, closed.Outcome);
        var issue = Assert.Single(_api.Issues);
        Assert.Equal("linkcheck: 1 broken link", issue.Title);
        Assert.StartsWith(LinkRotIssue.Marker, issue.Body, StringComparison.Ordinal);
        Assert.Contains("https://gone.example/1", issue.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://gone.example/2", issue.Body, StringComparison.Ordinal);
        Assert.Equal(["linkcheck"], issue.Labels);
        Assert.Equal("closed", issue.State);
        Assert.Equal("completed", issue.StateReason);
        var note = Assert.Single(_api.Comments[issue.Number]).Body;
        Assert.Contains("All links work again (1 links checked in [this run](https://github.com/octo/docs/actions/runs/42))", note, StringComparison.Ordinal);
        Assert.All(_api.Requests, r => Assert.Equal("Token " + Token, r.Authorization));
    }

    [Fact]
    public async Task Publish_LinksBreakAfterTheIssueWasClosed_OpensANewOne()
    {
        await Issue().PublishAsync(ReportWith(broken: 1), _context, null, default);
        await Issue().PublishAsync(ReportWith(broken: 0), _context, null, default);

        var again = await Issue().PublishAsync(ReportWith(broken: 3), _context, null, default);

        Assert.Equal(IssueOutcome.Created, again.Outcome);
        Assert.Equal(["closed", "open"], _api.Issues.Select(i => i.State));
        Assert.Equal("linkcheck: 3 broken links", _api.Issues[1].Title);
    }

    [Fact]
    public async Task Publish_AllLinksWorkAndNoIssueOpen_WritesNothing()
    {
        var result = await Issue().PublishAsync(ReportWith(broken: 0), _context, null, default);

        Assert.Equal(IssueOutcome.NotNeeded, result.Outcome);
        Assert.DoesNotContain(_api.Requests, r => r.Method is "POST" or "PATCH");
    }

    [Fact]
    public async Task Publish_IssuesByOthersWithTheMarkerOrTheLabel_AreLeftAlone()
    {
        // A person's issue that starts with the marker, and a labelled issue of the token's identity without it: neither is ours.
        _api.Issues.Add(new FakeIssue(1, "Links?", LinkRotIssue.Marker + "\nI copied this", "octocat", ["linkcheck"], "open"));
        _api.Issues.Add(new FakeIssue(2, "Add a linkcheck config", "please", TokenIdentity.ActionsBot, ["linkcheck"], "open"));

        var result = await Issue().PublishAsync(ReportWith(broken: 1), _context, null, default);

        Assert.Equal(IssueOutcome.Created, result.Outcome);
        Assert.Equal(3, _api.Issues.Count);
        Assert.Equal(LinkRotIssue.Marker + "\nI copied this", _api.Issues[0].Body);
        Assert.Equal("please", _api.Issues[1].Body);
        Assert.Equal(TokenIdentity.ActionsBot, _api.Issues[2].Author);
    }

    [Fact]
    public async Task Publish_PersonalToken_FindsTheIssueByItsOwnLogin()
    {
        _api.UserLogin = "docs-bot";
        _api.Issues.Add(new FakeIssue(7, "linkcheck: 4 broken links", LinkRotIssue.Marker + "\nold", TokenIdentity.ActionsBot, ["linkcheck"], "open"));

        await Issue().PublishAsync(ReportWith(broken: 1), _context, null, default);
        var second = await Issue().PublishAsync(ReportWith(broken: 2), _context, null, default);

        Assert.Equal(IssueOutcome.Updated, second.Outcome);
        Assert.Equal(LinkRotIssue.Marker + "\nold", _api.Issues[0].Body);
        var ours = Assert.Single(_api.Issues, i => i.Author == "docs-bot");
        Assert.Equal("linkcheck: 2 broken links", ours.Title);
        Assert.Contains(_api.Requests, r => r.Method == "GET" && r.Path == "/repos/octo/docs/issues" && r.Query.Contains("creator=docs-bot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_TokenWithoutIssuesWrite_IsANoticeNotAFailure()
    {
        _api.ForbidIssues = true;

        var result = await Issue().PublishAsync(ReportWith(broken: 1), _context, null, default);

        Assert.Equal(IssueOutcome.NotAllowed, result.Outcome);
        Assert.Contains("issues: write", result.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Issues);
    }

    [Fact]
    public async Task Publish_NoToken_SendsNothing()
    {
        var result = await Issue(_context with { Token = null }).PublishAsync(ReportWith(broken: 1), _context with { Token = null }, null, default);

        Assert.Equal(IssueOutcome.NotAllowed, result.Outcome);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Publish_HugeReport_StaysUnderTheIssueBodyLimit()
    {
        await Issue().PublishAsync(ReportWith(broken: 3000), _context, null, default);

        var body = Assert.Single(_api.Issues).Body;
        Assert.True(body.Length < LinkRotIssue.MaxChars, $"{body.Length} characters");
        Assert.Contains("more findings not shown", body, StringComparison.Ordinal);
    }
}
