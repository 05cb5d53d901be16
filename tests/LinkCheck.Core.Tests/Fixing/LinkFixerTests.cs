using System.Text;
using LinkCheck.Core.Fixing;
using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Http;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Core.Tests.Fixing;

/// <summary>--fix on a fixture repository with a real redirecting server on loopback: fix, then check again.</summary>
public sealed class LinkFixerTests : HttpTestBase
{
    private async Task<string> StartSiteAsync()
    {
        var server = await StartServerAsync("127.0.0.31", context => context.Request.Path.Value switch
        {
            "/old" => Redirect(context, 301, "/new"),
            "/temp" => Redirect(context, 302, "/new"),
            "/new" => Respond(context, 200, "<h1>new</h1>"),
            _ => Respond(context, 404),
        });
        return server.BaseUrl;
    }

    private static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private void WriteFixture(string site)
    {
        Repo.Write("README.md", $"""
            # Project

            See the [guide](docs/guide.md) and [install](docs/setup.md#Install-Steps).
            Moved: [api](api.md). Old site: [site]({site}/old) and [temp]({site}/temp).
            Reference: [ref][r] and again [ref again][r].

            ```text
            [install](docs/setup.md#Install-Steps) {site}/old api.md
            ```

            Stale: [faq](docs/setup.md#faq-1). Typo: [typo](docs/setpu.md).
            <a href="docs/setup.md#FAQ">html</a>

            [r]: {site}/old

            """.ReplaceLineEndings("\n"));
        Repo.Write("docs/guide.md", "# Guide\n");
        Repo.Write("docs/setup.md", "# Setup\n\n## Install steps\n\n## FAQ\n");
        Repo.Write("docs/reference/api.md", "# API\n");
    }

    [Fact]
    public async Task Fix_RewritesOnlyUnambiguousFixes_AndASecondRunFindsNothingToFix()
    {
        var site = await StartSiteAsync();
        WriteFixture(site);

        var report = await CheckAsync();
        var plan = LinkFixer.Plan(report, Repo.Root);
        Assert.Empty(LinkFixer.Apply(plan, Repo.Root).Failed);

        Assert.Equal($"""
            # Project

            See the [guide](docs/guide.md) and [install](docs/setup.md#install-steps).
            Moved: [api](docs/reference/api.md). Old site: [site]({site}/new) and [temp]({site}/temp).
            Reference: [ref][r] and again [ref again][r].

            ```text
            [install](docs/setup.md#Install-Steps) {site}/old api.md
            ```

            Stale: [faq](docs/setup.md#faq). Typo: [typo](docs/setpu.md).
            <a href="docs/setup.md#faq">html</a>

            [r]: {site}/new

            """.ReplaceLineEndings("\n"), await File.ReadAllTextAsync(Repo.PathOf("README.md")));
        Assert.Equal(6, plan.FixCount);

        var again = await CheckAsync();
        Assert.Equal(0, LinkFixer.Plan(again, Repo.Root).FixCount);
        var left = Assert.Single(again.Results, r => r.Status != LinkStatus.Ok);
        Assert.Equal(("docs/setpu.md", "docs/setup.md", false), (left.Url, left.Suggestion, left.Fixable));
    }

    [Fact]
    public async Task Plan_WritesNothing_AndDiffsLikeGit()
    {
        var site = await StartSiteAsync();
        WriteFixture(site);
        var before = await File.ReadAllTextAsync(Repo.PathOf("README.md"));

        var plan = LinkFixer.Plan(await CheckAsync(), Repo.Root);

        Assert.Equal(before, await File.ReadAllTextAsync(Repo.PathOf("README.md")));
        Assert.Equal($"""
            --- a/README.md
            +++ b/README.md
            @@ -1,6 +1,6 @@
             # Project
             
            -See the [guide](docs/guide.md) and [install](docs/setup.md#Install-Steps).
            -Moved: [api](api.md). Old site: [site]({site}/old) and [temp]({site}/temp).
            +See the [guide](docs/guide.md) and [install](docs/setup.md#install-steps).
            +Moved: [api](docs/reference/api.md). Old site: [site]({site}/new) and [temp]({site}/temp).
             Reference: [ref][r] and again [ref again][r].
             
            @@ -9,6 +9,6 @@
             ```
             
            -Stale: [faq](docs/setup.md#faq-1). Typo: [typo](docs/setpu.md).
            -<a href="docs/setup.md#FAQ">html</a>
            +Stale: [faq](docs/setup.md#faq). Typo: [typo](docs/setpu.md).
            +<a href="docs/setup.md#faq">html</a>
             
            -[r]: {site}/old
            +[r]: {site}/new

            """.ReplaceLineEndings("\n"), UnifiedDiff.Write(plan));
    }

    [Fact]
    public async Task Fix_KeepsCrlfLineEndingsAndTheBom()
    {
        Repo.Write("docs/setup.md", "# Setup\n\n## Install steps\n");
        Repo.WriteBytes("README.md", [.. Encoding.UTF8.Preamble, .. "# Hi\r\n\r\n[x](docs/setup.md#INSTALL-STEPS)\r\nlast line"u8.ToArray()]);

        var plan = LinkFixer.Plan(await CheckAsync(), Repo.Root);
        LinkFixer.Apply(plan, Repo.Root);

        var written = await File.ReadAllBytesAsync(Repo.PathOf("README.md"));
        Assert.Equal([.. Encoding.UTF8.Preamble, .. "# Hi\r\n\r\n[x](docs/setup.md#install-steps)\r\nlast line"u8.ToArray()], written);
    }

    [Fact]
    public async Task Plan_DestinationWrittenWithEscapes_IsLeftAloneWithAReason()
    {
        Repo.Write("docs/setup.md", "# Setup\n\n## Install steps\n");
        Repo.Write("README.md", "[x](docs/setup.md#Install&#45;Steps)\n");

        var plan = LinkFixer.Plan(await CheckAsync(), Repo.Root);

        Assert.Equal(0, plan.FixCount);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal("the destination is not written literally (escapes, entities or line breaks)", skipped.Reason);
    }

    [Fact]
    public async Task Plan_RemappedLink_IsNotFixable()
    {
        Repo.Write("docs/setup.md", "# Setup\n\n## Install steps\n");
        Repo.Write("README.md", "[x](setup.md#Install-Steps)\n");

        var report = await CheckAsync(options: o => o with { Remaps = ["^setup\\.md docs/setup.md"] });

        var result = Assert.Single(report.Results);
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.False(result.Fixable);
    }

    [Fact]
    public async Task Plan_TwoFilesWithTheMissingName_IsNotFixable()
    {
        Repo.Write("README.md", "[x](api.md)\n");
        Repo.Write("v1/api.md", "# v1\n");
        Repo.Write("v2/api.md", "# v2\n");

        var result = Assert.Single((await CheckAsync()).Results);

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.False(result.Fixable);
    }

    [Fact]
    public async Task Plan_StaleSuffixWithAnotherNumberedHeading_IsNotFixable()
    {
        Repo.Write("docs/setup.md", "# Setup\n\n## FAQ\n\n## FAQ\n");
        Repo.Write("README.md", "[x](docs/setup.md#faq-2)\n");

        var result = Assert.Single((await CheckAsync()).Results);

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.False(result.Fixable);
    }
}
