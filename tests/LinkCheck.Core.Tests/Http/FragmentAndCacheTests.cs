using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Core.Tests.Http;

public sealed class FragmentAndCacheTests : HttpTestBase
{
    private const string Page = """
        <!doctype html>
        <html><body>
        <h2 id="Install">Install</h2>
        <a name="legacy"></a>
        <section id="usage-notes">...</section>
        </body></html>
        """;

    [Fact]
    public async Task Check_RemoteFragments_AreCheckedAgainstTheFetchedPage()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200, Page));
        var page = server.Url("/docs");
        string[] urls = [page + "#Install", page + "#legacy", page + "#usage-notes", page + "#top", page + "#install", page + "#usage-note", page];

        var report = await CheckLinksAsync(urls);

        Assert.Equal(LinkStatus.Ok, Result(report, page + "#Install").Status);
        Assert.Equal(LinkStatus.Ok, Result(report, page + "#legacy").Status);
        Assert.Equal(LinkStatus.Ok, Result(report, page + "#usage-notes").Status);
        Assert.Equal(LinkStatus.Ok, Result(report, page + "#top").Status);
        Assert.Equal(LinkStatus.Ok, Result(report, page).Status);
        var wrongCase = Result(report, page + "#install");
        Assert.Equal(LinkStatus.Broken, wrongCase.Status);
        Assert.Equal("no anchor #install on the page", wrongCase.Message);
        Assert.Equal(page + "#Install", wrongCase.Suggestion);
        Assert.Equal(page + "#usage-notes", Result(report, page + "#usage-note").Suggestion);

        // One GET for the page and all its fragments, no HEAD.
        Assert.Equal(["GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Check_NoRemoteFragments_UsesHeadAndIgnoresFragments()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200, Page));
        var url = server.Url("/docs#missing");
        var report = await CheckLinksAsync([url], http => http with { CheckRemoteFragments = false });
        Assert.Equal(LinkStatus.Ok, Result(report, url).Status);
        Assert.Equal(["HEAD"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Check_FragmentOnNonHtml_IsNotChecked()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200, "%PDF-1.7", "application/pdf"));
        var url = server.Url("/paper.pdf#page=3");
        var result = Result(await CheckLinksAsync([url]), url);
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal("#page=3 not checked: the page is not HTML", result.Message);
    }

    [Theory]
    [InlineData("https://github.com/o/r/blob/main/src/app.cs", "L10-L20", LinkStatus.Ok, "")]
    [InlineData("https://github.com/o/r/blob/main/README.md", "installation", LinkStatus.Ok, "<h2 id=\"user-content-installation\">")]
    [InlineData("https://github.com/o/r/blob/main/README.md", "usage", LinkStatus.Skipped, "<div id=\"repo-content\">")]
    [InlineData("https://docs.rs/serde/latest/serde/trait.Serialize.html", "method.serialize", LinkStatus.Skipped, "<main></main>")]
    [InlineData("https://example.com/page", "missing", LinkStatus.Broken, "<p id=\"present\">")]
    public void RemoteFragments_KnownScriptAnchoredHosts_AreNeverFalselyBroken(string url, string fragment, LinkStatus expected, string html)
    {
        var anchors = new HashSet<string>();
        Core.Extraction.HtmlLinkScanner.Scan(html, [], anchors);
        var outcome = new HttpOutcome { FinalUri = new Uri(url), StatusCode = 200, Anchors = anchors };

        var verdict = RemoteFragments.Check(new Uri(url), fragment, outcome, Verdict.Ok, HttpCheckOptions.DefaultMaxBodyBytes);

        Assert.Equal(expected, verdict.Status);
    }

    [Fact]
    public async Task Cache_SuccessesAreReusedFailuresAreNotAndOldEntriesExpire()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, context.Request.Path == "/gone" ? 404 : 200, Page));
        string[] urls = [server.Url("/ok"), server.Url("/gone"), server.Url("/docs#legacy")];
        HttpCheckOptions Cached(HttpCheckOptions http) => http with { UseCache = true, MaxCacheAge = TimeSpan.FromHours(1) };

        // A 404 is asked twice (HEAD, then GET in case the server mishandles HEAD).
        var first = await CheckLinksAsync(urls, Cached);
        Assert.Equal(4, server.Requests.Count);
        Assert.True(File.Exists(Repo.PathOf(".linkcheck-cache.json")));

        var second = await CheckLinksAsync(urls, Cached);
        Assert.Equal(["/gone", "/gone"], server.Requests.Skip(4).Select(r => r.PathAndQuery));
        Assert.Equal(first.Results.Select(r => (r.Url, r.Status)), second.Results.Select(r => (r.Url, r.Status)));

        Time.Advance(TimeSpan.FromHours(2));
        await CheckLinksAsync(urls, Cached);
        Assert.Equal(10, server.Requests.Count);
        Assert.Empty(Directory.GetFiles(Repo.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Cache_CorruptFile_IsIgnoredWithAWarning()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        Repo.Write(".linkcheck-cache.json", "{\"version\":1,\"entries\":{\"http://x\":{\"checked");

        var report = await CheckLinksAsync([server.Url("/ok")], http => http with { UseCache = true });

        Assert.Equal(1, report.Summary.Ok);
        var warning = Assert.Single(report.Diagnostics);
        Assert.Contains("unreadable", warning, StringComparison.Ordinal);
        Assert.Contains(server.Url("/ok"), File.ReadAllText(Repo.PathOf(".linkcheck-cache.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_IncludeAndRemap_DecideWhatIsRequested()
    {
        // Every URL here is on loopback, so even a broken filter could not send traffic anywhere else.
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        const string Mirrored = "http://127.0.0.9:1/guide";
        var report = await CheckLinksAsync(
            [Mirrored, server.Url("/included"), server.Url("/other")],
            options: o => o with
            {
                Remaps = [$"^http://127\\.0\\.0\\.9:1/(.*) {server.Url("/mirror/$1")}"],
                IncludeUrls = ["^http://127\\.0\\.0\\.9:1/", "/included$"],
            });

        Assert.Equal(LinkStatus.Ok, Result(report, Mirrored).Status);
        Assert.Equal(LinkStatus.Ok, Result(report, server.Url("/included")).Status);
        var other = Result(report, server.Url("/other"));
        Assert.Equal(LinkStatus.Excluded, other.Status);
        Assert.Equal("not matched by any --include pattern", other.Message);
        Assert.Equal(["/included", "/mirror/guide"], server.Requests.Select(r => r.PathAndQuery).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Progress_CountsEveryExternalTarget()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, context.Request.Path == "/bad" ? 404 : 200));
        var progress = new ProgressTracker();

        await CheckLinksAsync([server.Url("/a"), server.Url("/b"), server.Url("/bad")], progress: progress);

        var snapshot = progress.Snapshot();
        Assert.Equal(new CheckProgress(3, 3, 0, 1, "127.0.0.2"), snapshot with { BusiestHost = snapshot.BusiestHost ?? "127.0.0.2" });
    }
}
