namespace LinkCheck.Cli.Tests;

/// <summary>The summary line counts the same way in every run: after --fix, and when everything is excluded.</summary>
public sealed class SummaryCliTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public SummaryCliTests()
    {
        _repo.InitGit();
        _repo.Write("README.md", "# Project\n\n[install](docs/setup.md#Install) and [api](api.md) and [again](docs/setup.md#Install).\n\n[typo](docs/stup.md)\n");
        _repo.Write("docs/setup.md", "# Setup\n\n## Install\n");
        _repo.Write("docs/reference/api.md", "# API\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task SummaryAfterFix_CountsUniqueTargetsOfTheLinksLeft()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--fix");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("linkcheck: fixed 3 links in 1 file\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("\n3 files, 1 link (1 unique): 0 ok, 1 broken,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryWhenEverythingIsExcluded_ReadsNaturally()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--exclude", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("3 files, 4 links: 0 ok, 0 broken, 0 warnings, 0 skipped, 4 excluded in ", run.Out, StringComparison.Ordinal);
    }
}
