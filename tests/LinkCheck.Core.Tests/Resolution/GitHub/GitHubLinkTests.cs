using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;
using LinkCheck.Core.Resolution.GitHub;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Core.Tests.Resolution.GitHub;

/// <summary>github.com links answered by the API (fake, on loopback) or by the working tree; the token stays with the API.</summary>
public sealed class GitHubLinkTests : FakeApiTestBase
{
    private readonly TempDirectory _repo = new();

    private async Task<CheckReport> CheckAsync(string markdown, GitHubContext? context = null)
    {
        _repo.InitGit();
        _repo.Write("docs/guide.md", "# Guide\n\n## Install\n");
        _repo.Write("README.md", markdown);
        var options = new LinkCheckOptions { RootDirectory = _repo.Root, GitHub = context ?? Context };
        using var http = HttpHandlerFactory.CreateClient(HttpHandlerFactory.Create(options.Http, LoopbackOnly.Apply));
        return await new LinkChecker(Time, http, null, CreateApi(context)).CheckAsync(options);
    }

    private static LinkResult Result(CheckReport report, string url) => Assert.Single(report.Results, r => r.Url == url);

    [Fact]
    public async Task Check_LinksIntoThisRepositoryAtTheCheckedRef_UseTheWorkingTree()
    {
        string[] urls =
        [
            "https://github.com/octo/docs/blob/feature/docs/guide.md#install",
            "https://github.com/octo/docs/blob/headsha1/docs/guide.md#instal",
            "https://github.com/octo/docs/blob/feature/docs/missing.md",
            "https://github.com/octo/docs/tree/feature/docs",
        ];
        var report = await CheckAsync(string.Join("\n\n", urls.Select(u => $"[x]({u})")));

        Assert.Equal(LinkStatus.Ok, Result(report, urls[0]).Status);
        var anchor = Result(report, urls[1]);
        Assert.Equal(LinkStatus.Broken, anchor.Status);
        Assert.Equal("https://github.com/octo/docs/blob/headsha1/docs/guide.md#install", anchor.Suggestion);
        Assert.Equal(LinkStatus.Broken, Result(report, urls[2]).Status);
        Assert.Equal("file not found: docs/missing.md (in this repository's working tree)", Result(report, urls[2]).Message);
        Assert.Equal(LinkStatus.Ok, Result(report, urls[3]).Status);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task Check_OtherGitHubPages_AreAskedOfTheApi()
    {
        Api.Existing.UnionWith(["repo other/lib", "content other/lib@main:README.md", "branch other/lib@main", "issue other/lib#5", "pull other/lib#7", "release other/lib@v1.0"]);
        var ok = new[]
        {
            "https://github.com/other/lib",
            "https://github.com/other/lib/blob/main/README.md",
            "https://github.com/other/lib/tree/main",
            "https://github.com/other/lib/issues/5",
            "https://github.com/other/lib/pull/7/files",
            "https://github.com/other/lib/releases/tag/v1.0",
        };
        var broken = new Dictionary<string, string>
        {
            ["https://github.com/other/gone"] = "repository other/gone not found on GitHub (or not visible to this token)",
            ["https://github.com/other/lib/blob/main/nope.md"] = "nope.md at main in other/lib not found on GitHub (or not visible to this token)",
            ["https://github.com/other/lib/issues/6"] = "issue other/lib#6 not found on GitHub (or not visible to this token)",
        };

        var report = await CheckAsync(string.Join("\n\n", ok.Concat(broken.Keys).Select(u => $"[x]({u})")));

        Assert.All(ok, url => Assert.Equal(LinkStatus.Ok, Result(report, url).Status));
        foreach (var (url, message) in broken)
        {
            Assert.Equal(message, Result(report, url).Message);
        }

        Assert.All(Api.Requests, r => Assert.Equal("Token " + Token, r.Authorization));
    }

    [Fact]
    public async Task Check_TheTokenNeverLeavesTheApiHost_NotToOtherLinksNorAcrossRedirects()
    {
        var elsewhere = await LoopbackServer.StartAsync("127.0.0.8", context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"id\":3,\"name\":\"moved\",\"full_name\":\"other/moved\"}");
        });
        await using var _ = elsewhere;
        Api.Redirects["/repos/other/moved"] = elsewhere.Url("/repos/other/moved");

        var report = await CheckAsync($"[a](https://github.com/other/moved)\n\n[b]({elsewhere.Url("/page")})\n");

        Assert.Contains(Api.Requests, r => r.Path == "/repos/other/moved" && r.Authorization == "Token " + Token);
        Assert.Equal(2, elsewhere.Requests.Count);
        Assert.All(elsewhere.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization"), $"{r.PathAndQuery} got the token"));
        Assert.All(report.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Fact]
    public async Task Check_Enterprise_UsesItsOwnServerHost()
    {
        var enterprise = Context with { ServerUrl = new Uri("https://ghe.example.com"), Repository = "team/site" };
        Api.Existing.Add("issue team/tools#3");

        var report = await CheckAsync("[i](https://ghe.example.com/team/tools/issues/3)\n", enterprise);

        Assert.Equal(LinkStatus.Ok, Assert.Single(report.Results).Status);
        Assert.Contains(Api.Requests, r => r.Path == "/repos/team/tools/issues/3");
    }

    [Theory]
    [InlineData("https://github.com/o/r", GitHubUrlKind.Repository, null, null)]
    [InlineData("https://github.com/o/r.git", GitHubUrlKind.Repository, null, null)]
    [InlineData("https://www.github.com/o/r/blob/v1.2/src/a%20b.cs", GitHubUrlKind.Blob, "v1.2", "src/a b.cs")]
    [InlineData("https://github.com/o/r/tree/main", GitHubUrlKind.Tree, "main", "")]
    [InlineData("https://github.com/o/r/pull/12/files", GitHubUrlKind.PullRequest, null, null)]
    [InlineData("https://github.com/o/r/releases/tag/v2", GitHubUrlKind.Release, null, null)]
    public void GitHubUrl_RecognisesApiAnswerablePages(string url, GitHubUrlKind kind, string? reference, string? path)
    {
        var parsed = GitHubUrl.TryParse(new Uri(url), "github.com");
        Assert.NotNull(parsed);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(reference, parsed.Ref);
        Assert.Equal(path, parsed.Path);
    }

    [Theory]
    [InlineData("https://github.com/o/r/wiki/Home")]
    [InlineData("https://github.com/o/r/commit/abc")]
    [InlineData("https://github.com/features/actions")]
    [InlineData("https://github.com/o/r/issues?q=is%3Aopen")]
    [InlineData("https://gitlab.com/o/r")]
    public void GitHubUrl_LeavesOtherPagesToHttp(string url) =>
        Assert.Null(GitHubUrl.TryParse(new Uri(url), "github.com"));

    public override async Task DisposeAsync()
    {
        _repo.Dispose();
        await base.DisposeAsync();
    }
}
