using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Tests.Shared;

/// <summary>The real Octokit client against a fake GitHub REST API on loopback.</summary>
public abstract class FakeApiTestBase : IAsyncLifetime
{
    protected const string Token = "ghs_testtoken123";

    protected FakeGitHubApi Api { get; private set; } = null!;

    protected ObservableTime Time { get; } = new();

    protected GitHubContext Context { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeGitHubApi.StartAsync();
        Context = new GitHubContext
        {
            ApiUrl = new Uri(Api.BaseUrl),
            Repository = "octo/docs",
            Sha = "headsha1",
            CurrentRefs = ["feature"],
            EventName = "pull_request",
            PullRequestNumber = 12,
            Token = Token,
        };
    }

    public virtual async Task DisposeAsync() => await Api.DisposeAsync();

    protected GitHubApi CreateApi(GitHubContext? context = null) =>
        new(GitHubClientFactory.Create(context ?? Context, FakeGitHubApi.Handler), Time);

    protected static CheckReport ReportWith(int broken, int warnings = 0)
    {
        var results = Enumerable.Range(1, broken)
            .Select(i => LinkResult.For(new LinkOccurrence(new SourceLocation($"docs/page-{i % 7}.md", i, 2, 10), $"missing-{i}.md", "", LinkKind.Link), LinkStatus.Broken, $"file not found: docs/missing-{i}.md"))
            .Concat(Enumerable.Range(1, warnings).Select(i => LinkResult.For(new LinkOccurrence(new SourceLocation("docs/w.md", i, 1, 2), "#Case", "", LinkKind.Link), LinkStatus.Warning, "case differs")))
            .ToList();
        return new CheckReport(results, CheckSummary.From(results, 7, results.Count, TimeSpan.Zero), []);
    }
}
