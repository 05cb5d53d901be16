namespace LinkCheck.Cli.Tests;

/// <summary>Local runs check what is on disk (or staged), against real git repositories in temporary folders.</summary>
public sealed class LocalChangesTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public LocalChangesTests()
    {
        GitCommand.Run(_repo.Root, "init", "-q");
        _repo.Write("README.md", "# Project\n\n[guide](docs/guide.md)\n");
        _repo.Write("docs/guide.md", "# Guide\n");
        _repo.Write("other.md", "[old](gone.md)\n");
        GitCommand.Run(_repo.Root, "add", "-A");
        GitCommand.Run(_repo.Root, "commit", "-q", "-m", "first");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task ChangedSince_UncommittedAndUntrackedEdits_AreChecked()
    {
        _repo.Write("docs/guide.md", "# Guide\n\n[new](missing.md)\n");
        _repo.Write("docs/added.md", "[draft](nowhere.md)\n");

        var run = await CliRun.RunAsync(_repo.Root, "--changed-since", "HEAD", "--offline");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("docs/guide.md:3:7: broken: missing.md\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("docs/added.md:1:9: broken: nowhere.md\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("other.md", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staged_BrokenLinkStagedWithAnUnstagedFix_IsReportedAtItsStagedLine()
    {
        _repo.Write("docs/guide.md", "# Guide\n\nIntro.\n\n[new](missing.md)\n");
        GitCommand.Run(_repo.Root, "add", "docs/guide.md");
        _repo.Write("docs/guide.md", "# Guide\n\n[new](../README.md)\n");

        var run = await CliRun.RunAsync(_repo.Root, "--staged", "--offline");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("docs/guide.md:5:7: broken: missing.md\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksToThisRepositoryOnGitHub_ResolveLocallyFromTheOriginRemote()
    {
        GitCommand.Run(_repo.Root, "remote", "add", "origin", "git@github.com:acme/widgets.git");
        _repo.Write("links.md", "[ok](https://github.com/acme/widgets/blob/main/docs/guide.md#guide) [gone](https://github.com/acme/widgets/blob/main/docs/missing.md)\n");

        var run = await CliRun.RunAsync(_repo.Root, "--offline", "links.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("links.md:1:76: broken: https://github.com/acme/widgets/blob/main/docs/missing.md\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 file, 2 links (2 unique): 1 ok, 1 broken,", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/acme/widgets.git", "acme/widgets")]
    [InlineData("https://github.com/acme/widgets", "acme/widgets")]
    [InlineData("git@github.com:acme/my.widgets.git", "acme/my.widgets")]
    [InlineData("ssh://git@github.com/acme/widgets.git", "acme/widgets")]
    [InlineData("https://gitlab.com/acme/widgets.git", null)]
    [InlineData("/srv/git/widgets.git", null)]
    public void GitHubRemote_ParsesTheFormsGitAccepts(string url, string? expected) =>
        Assert.Equal(expected, GitHubRemote.Parse(url));
}
