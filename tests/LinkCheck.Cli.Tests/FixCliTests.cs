namespace LinkCheck.Cli.Tests;

/// <summary>linkcheck --fix and --fix --dry-run through the real CLI.</summary>
public sealed class FixCliTests : IDisposable
{
    private const string Readme = "# Project\n\n[install](docs/setup.md#Install) and [api](api.md).\n\n```md\n[install](docs/setup.md#Install)\n```\n\n[typo](docs/stup.md)\n";

    private readonly TempDirectory _repo = new();

    public FixCliTests()
    {
        _repo.InitGit();
        _repo.Write("README.md", Readme);
        _repo.Write("docs/setup.md", "# Setup\n\n## Install\n");
        _repo.Write("docs/reference/api.md", "# API\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Fix_RewritesPrintsTheDiffAndReportsWhatIsLeft()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--fix");

        Assert.Equal(1, run.ExitCode); // the typo has no certain fix and is still broken
        Assert.StartsWith("--- a/README.md\n+++ b/README.md\n@@ -1,5 +1,5 @@\n # Project\n \n-[install](docs/setup.md#Install) and [api](api.md).\n+[install](docs/setup.md#install) and [api](docs/reference/api.md).\n \n ```md\nlinkcheck: fixed 2 links in 1 file\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("README.md:9:8: broken: docs/stup.md", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("broken: api.md", run.Out, StringComparison.Ordinal);
        Assert.Equal(Readme.Replace("#Install) and [api](api.md)", "#install) and [api](docs/reference/api.md)", StringComparison.Ordinal), await File.ReadAllTextAsync(_repo.PathOf("README.md")));

        var again = await CliRun.RunAsync(_repo.Root, "--offline", "--fix");
        Assert.StartsWith("linkcheck: nothing to fix\n", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_PrintsTheDiffAndChangesNothing()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--fix", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("+[install](docs/setup.md#install) and [api](docs/reference/api.md).\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("linkcheck: would fix 2 links in 1 file (--dry-run: nothing written)\n", run.Out, StringComparison.Ordinal);
        Assert.Equal(Readme, await File.ReadAllTextAsync(_repo.PathOf("README.md")));
    }

    [Fact]
    public async Task FixWithJson_KeepsTheDiffOffStandardOutput()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--fix", "--dry-run", "--format", "json");
        Assert.StartsWith("{", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("--- a/README.md\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRunWithoutFix_IsAUsageError()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--dry-run");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("linkcheck: --dry-run goes with --fix; run 'linkcheck --help' for usage\n", run.Error);
    }
}
