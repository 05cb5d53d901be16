namespace LinkCheck.Cli.Tests;

/// <summary>Usage errors: one line on standard error that says what is wrong and what to do, exit code 2.</summary>
public sealed class MessagesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public MessagesTests() => _dir.Write("a.md", "# A\n");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task UnknownFormat_IsOneLineListingTheFormats()
    {
        var run = await CliRun.RunAsync(_dir.Root, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("linkcheck: --format: 'xml' is not one of text, json, sarif, markdown, junit.\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--staged")]
    [InlineData("--changed-since")]
    public async Task GitOptionOutsideARepository_SaysItNeedsOne(string option)
    {
        string[] args = option == "--staged" ? [option, "--offline"] : [option, "main", "--offline"];

        var run = await CliRun.RunAsync(_dir.Root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"linkcheck: {option} needs a git repository: {_dir.Root} is not inside a git work tree (run it in a clone, or drop {option} to check every file)\n", run.Error);
    }
}
