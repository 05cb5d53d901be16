using System.Text.Json;
using System.Xml.Linq;

namespace LinkCheck.Cli.Tests;

/// <summary>
/// The path <c>-</c>: markdown read from standard input, checked as if it were a file in the current directory and
/// reported as <c>&lt;stdin&gt;</c> in every format. Standard input is handed to the in-process CLI as a stream.
/// </summary>
public sealed class StandardInputTests : IDisposable
{
    private const string Markdown = "[guide](guide.md#setup) [readme](../README.md#project) [top](/README.md) [gone](missing.md) [self](#here)\n\n# Here\n";

    private readonly TempDirectory _dir = new();

    public StandardInputTests()
    {
        GitCommand.Run(_dir.Root, "init", "-q");
        _dir.Write("README.md", "# Project\n");
        _dir.Write("docs/guide.md", "## Setup\n");
        _dir.Write("docs/other.md", "[broken](nowhere.md)\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Stdin_InASubfolder_ResolvesLinksFromThereWithTheRepositoryAsRoot()
    {
        var run = await CliRun.RunWithInputAsync(_dir.PathOf("docs"), Markdown, "--offline", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "<stdin>\n  <stdin>:1:81: broken: missing.md\n      file not found: docs/missing.md\n\n",
            run.Out[..run.Out.IndexOf("1 file,", StringComparison.Ordinal)]);
        Assert.Contains("1 file, 5 links (5 unique): 4 ok, 1 broken,", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("other.md", run.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Stdin_OutsideAnyRepository_ResolvesFromTheCurrentDirectory()
    {
        using var plain = new TempDirectory();
        plain.Write("a.md", "# A\n");

        var run = await CliRun.RunWithInputAsync(plain.Root, "[a](a.md#a) [up](../x.md)\n", "--offline", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("<stdin>:1:18: broken: ../x.md\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("outside the repository", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 ok, 1 broken", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_WithFiles_ChecksBoth()
    {
        var run = await CliRun.RunWithInputAsync(_dir.PathOf("docs"), Markdown, "--offline", "-", "other.md");

        Assert.Contains("<stdin>:1:81: broken: missing.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("other.md:1:10: broken: nowhere.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 files,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_AsJson_NamesTheFileStdinAndItsOwnAnchorsResolve()
    {
        var run = await CliRun.RunWithInputAsync(_dir.PathOf("docs"), Markdown + "[bad](#nowhere)\n", "--offline", "--format", "json", "-");

        using var report = JsonDocument.Parse(run.Out);
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal("<stdin>", r.GetProperty("file").GetString()));
        Assert.Equal("ok", results.Single(r => r.GetProperty("url").GetString() == "#here").GetProperty("status").GetString());
        var bad = results.Single(r => r.GetProperty("url").GetString() == "#nowhere");
        Assert.Equal("broken", bad.GetProperty("status").GetString());
        Assert.Contains("<stdin>", bad.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("docs/<stdin>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_InEveryFormat_IsReportedAsStdinAndEscaped()
    {
        var sarif = await CliRun.RunWithInputAsync(_dir.PathOf("docs"), Markdown, "--offline", "--format", "sarif", "-");
        var junit = await CliRun.RunWithInputAsync(_dir.PathOf("docs"), Markdown, "--offline", "--format", "junit", "-");
        var markdown = await CliRun.RunWithInputAsync(_dir.PathOf("docs"), Markdown, "--offline", "--format", "markdown", "-");

        using var sarifReport = JsonDocument.Parse(sarif.Out);
        var uri = sarifReport.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.Equal("%3Cstdin%3E", uri);

        Assert.Contains(XDocument.Parse(junit.Out).Descendants("testcase"), t => ((string?)t.Attribute("classname") ?? (string?)t.Attribute("file") ?? string.Empty).Contains("<stdin>", StringComparison.Ordinal));

        // In markdown "<stdin>" unescaped would be an HTML tag, and vanish when rendered.
        var html = Markdig.Markdown.ToHtml(markdown.Out);
        Assert.Contains("&lt;stdin&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<stdin>", html, StringComparison.Ordinal);
        Assert.All(new[] { sarif.Out, junit.Out, markdown.Out }, o => Assert.DoesNotContain("docs/<stdin>", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stdin_WithDump_ListsItsLinksAsStdin()
    {
        var run = await CliRun.RunWithInputAsync(_dir.PathOf("docs"), "[a](a.md)\n", "--dump", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("<stdin>:1:5: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_NotUtf8_IsDecodedWithAWarning()
    {
        var run = await CliRun.RunWithInputAsync(_dir.Root, [.. "Caf"u8, 0xE9, .. " [r](README.md)\n"u8], "--offline", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<stdin>:1:1: warning:", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 ok", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_Binary_IsAFileError()
    {
        var run = await CliRun.RunWithInputAsync(_dir.Root, [0x00, 0x01, 0x02, 0xFF, 0x00], "--offline", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("<stdin>:1:1: error:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_LargerThanTheLimit_IsAFileError()
    {
        var run = await CliRun.RunWithInputAsync(_dir.Root, new string('x', 2048), "--offline", "--max-file-size", "1KB", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("<stdin>:1:1: error: standard input is too large to check", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--staged")]
    [InlineData("--fix")]
    public async Task Stdin_WithAnOptionForFiles_IsOneLineUsageError(string option)
    {
        var run = await CliRun.RunWithInputAsync(_dir.Root, "[a](a.md)\n", "--offline", option, "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"linkcheck: - (standard input) cannot be combined with {option}", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Stdin_WithARootThatDoesNotHoldTheCurrentDirectory_IsOneLineUsageError()
    {
        var run = await CliRun.RunWithInputAsync(_dir.Root, "[a](a.md)\n", "--offline", "--root-dir", "docs", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"linkcheck: standard input is read as a file of {_dir.Root}, which is outside the repository root ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
