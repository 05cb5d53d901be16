namespace LinkCheck.Cli.Tests;

/// <summary>Usage errors: one line on standard error that says what is wrong and what to do, exit code 2.</summary>
public sealed class MessagesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public MessagesTests() => _dir.Write("a.md", "# A\n");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task UnknownFormat_IsOneLineListingTheFormatsAndWhereToLook()
    {
        var run = await CliRun.RunAsync(_dir.Root, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("linkcheck: --format: 'xml' is not one of text, json, sarif, markdown, junit; run 'linkcheck --help' for usage\n", run.Error);
    }

    [Fact]
    public async Task SeveralParseErrors_AreStillOneLineNamingOne()
    {
        var run = await CliRun.RunAsync(_dir.Root, "--format", "xml", "--timeout", "soon", "--max-file-size", "lots");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("linkcheck: --max-file-size: 'lots' is not a size (examples: 1048576, 512KB, 64MB) (and 2 more errors); run 'linkcheck --help' for usage\n", run.Error);
    }

    [Fact]
    public async Task ParseError_EscapesTheArgumentItQuotes()
    {
        var run = await CliRun.RunAsync(_dir.Root, "--format", "x\u001b[2J\ny");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Single(Lines(run.Error));
    }

    [Fact]
    public async Task AcceptOutsideStatusCodes_IsOneLineWithExamples()
    {
        var run = await CliRun.RunAsync(_dir.Root, "--accept", "600..=700", "--offline");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("linkcheck: --accept: '600..=700' is not a status code or range: HTTP status codes are 100 to 599 (examples: 200..=299, 403)\n", run.Error);
    }

    [Fact]
    public async Task ImportOfBrokenJson_IsOneLineWithLineAndColumn()
    {
        var path = _dir.Write("mlc.json", "{ \"timeout\": ");

        var run = await CliRun.RunAsync(_dir.Root, "--import", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"linkcheck: --import: {path}:1:14: not valid JSON: ", run.Error, StringComparison.Ordinal);
        Assert.Single(Lines(run.Error));
    }

    [Fact]
    public async Task ImportOfBrokenToml_IsOneLineWithLineColumnAndNoParserTypes()
    {
        var path = _dir.Write("lychee.toml", "max_retries = 2\nexclude = [\n");

        var run = await CliRun.RunAsync(_dir.Root, "--import", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"linkcheck: --import: {path}:3:1: not valid TOML: the file ends before an array is closed (add ])\n", run.Error);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

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
