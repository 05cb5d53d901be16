namespace LinkCheck.Cli.Tests;

/// <summary>
/// Which files a run checks, and how it names them, from where a user stands: a subfolder of a repository,
/// a folder outside any repository, a folder git ignores. Real git repositories in temporary folders.
/// </summary>
public sealed class RootsAndPathsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_FromASubfolderOfARepository_ChecksThatSubfolderAndNamesFilesFromThere()
    {
        GitCommand.Run(_dir.Root, "init", "-q");
        _dir.Write("README.md", "# Project\n");
        _dir.Write("docs/guide.md", "[home](../README.md) [top](/README.md#project) [start](intro/start.md)\n");
        _dir.Write("docs/intro/start.md", "[guide](../guide.md)\n");
        _dir.Write("other/notes.md", "[gone](missing.md)\n");
        GitCommand.Run(_dir.Root, "add", "-A");

        var run = await CliRun.RunAsync(_dir.PathOf("docs"), "--offline", "--verbose");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("guide.md\n  guide.md:1:8: ok: ../README.md\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("intro/start.md\n  intro/start.md:1:9: ok: ../guide.md\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 files, 4 links (4 unique): 4 ok,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnAFileOutsideAnyRepository_ResolvesParentLinksFromTheCurrentDirectory()
    {
        _dir.Write("README.md", "# Project\n");
        _dir.Write("docs/a.md", "[readme](../README.md#project)\n");

        var run = await CliRun.RunAsync(_dir.Root, "--offline", "--verbose", "docs/a.md");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("docs/a.md\n  docs/a.md:1:10: ok: ../README.md#project\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 file, 1 link (1 unique): 1 ok,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnSeveralPathsOutsideAnyRepository_ChecksThemAllFromTheirCommonFolder()
    {
        _dir.Write("README.md", "# Project\n[docs](docs/a.md)\n");
        _dir.Write("docs/a.md", "[readme](../README.md#project)\n");
        _dir.Write("docs/b.txt", "not markdown\n");
        _dir.Write("elsewhere/c.md", "[gone](missing.md)\n");

        var fromTop = await CliRun.RunAsync(_dir.Root, "--offline", "docs", "README.md");
        var fromDocs = await CliRun.RunAsync(_dir.PathOf("docs"), "--offline", "--verbose", "a.md", "../README.md");

        Assert.Equal(0, fromTop.ExitCode);
        Assert.Contains("2 files, 2 links (2 unique): 2 ok,", fromTop.Out, StringComparison.Ordinal);
        Assert.Equal(0, fromDocs.ExitCode);
        Assert.Contains("\n../README.md\n  ../README.md:2:8: ok: docs/a.md\n", "\n" + fromDocs.Out, StringComparison.Ordinal);
        Assert.Contains("\na.md\n  a.md:1:10: ok: ../README.md#project\n", fromDocs.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnAFolderGitIgnores_ChecksEveryFileBelowItAndAppliesOnlyTheRulesBelowIt()
    {
        GitCommand.Run(_dir.Root, "init", "-q");
        _dir.Write(".gitignore", "generated/\n");
        _dir.Write("README.md", "# Project\n");
        _dir.Write("generated/index.md", "[a](sub/a.md)\n");
        _dir.Write("generated/sub/a.md", "[deep](deep/b.md) [up](../index.md)\n");
        _dir.Write("generated/sub/deep/b.md", "[gone](nothing.md)\n");
        _dir.Write("generated/sub/.gitignore", "scratch/\n");
        _dir.Write("generated/sub/scratch/x.md", "[scratch](nowhere.md)\n");

        var run = await CliRun.RunAsync(_dir.Root, "--offline", "generated");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("generated/sub/deep/b.md:1:8: broken: nothing.md\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("scratch", run.Out.Replace("ignored by git", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(": warning:", run.Out, StringComparison.Ordinal);
        Assert.Contains("3 files, 4 links (4 unique): 3 ok, 1 broken, 0 warnings,", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 folder ignored by git", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithIgnoredAndExcludedFiles_SaysHowManyWereLeftOut()
    {
        GitCommand.Run(_dir.Root, "init", "-q");
        _dir.Write(".gitignore", "build/\nscratch.md\n");
        _dir.Write("README.md", "# Project\n");
        _dir.Write("scratch.md", "# Scratch\n");
        _dir.Write("build/out.md", "# Out\n");
        _dir.Write("drafts/one.md", "# One\n");
        _dir.Write("drafts/two.md", "# Two\n");
        _dir.Write("vendor/lib/x.md", "# X\n");

        var run = await CliRun.RunAsync(_dir.Root, "--offline", "--exclude-path", "drafts/*.md", "--exclude-path", "vendor");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("left out: 1 file and 1 folder ignored by git, 2 files and 1 folder matching --exclude-path\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 file, 0 links", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhereThereIsNoMarkdown_SaysSoInOneLine()
    {
        _dir.Write("notes.txt", "text\n");

        var run = await CliRun.RunAsync(_dir.Root, "--offline", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("no markdown files found in . (looked for *.md, *.markdown, *.mdown, *.mkd)\n", run.Out);
    }

    [Fact]
    public async Task Run_FileWrittenAsAFolder_IsBroken()
    {
        _dir.Write("a.md", "# A\n");
        _dir.Write("index.md", "[a](a.md/) [b](a.md/#a)\n");

        var run = await CliRun.RunAsync(_dir.Root, "--offline", "index.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("index.md:1:5: broken: a.md/\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("index.md:1:16: broken: a.md/#a\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GlobArgument_IsExpandedByLinkcheckItself()
    {
        _dir.Write("docs/a.md", "# A\n");
        _dir.Write("docs/deep/b.md", "[a](../a.md)\n");
        _dir.Write("other/c.md", "[gone](missing.md)\n");

        var run = await CliRun.RunAsync(_dir.Root, "--offline", "docs/**/*.md");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 files, 1 link (1 unique): 1 ok,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GlobMatchingNothing_IsAUsageError()
    {
        _dir.Write("docs/a.md", "# A\n");

        var run = await CliRun.RunAsync(_dir.Root, "--offline", "nothing/**/*.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("linkcheck: no file matches nothing/**/*.md\n", run.Error);
    }
}
