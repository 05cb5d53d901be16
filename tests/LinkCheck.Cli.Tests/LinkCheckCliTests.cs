using System.Text.Json;

namespace LinkCheck.Cli.Tests;

public sealed class LinkCheckCliTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public LinkCheckCliTests()
    {
        _repo.InitGit();
        _repo.Write("README.md", "# Project\n\nSee [docs](docs/index.md) and [site](https://example.com).\n");
        _repo.Write("docs/index.md", "# Docs\n\n[home](/README.md#project)\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Run_WithoutPaths_ChecksTheCurrentDirectoryAndExitsZero()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2 files, 3 links (3 unique): 2 ok, 0 broken, 0 warnings, 1 skipped, 0 excluded in 0 ms\n", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Run_BrokenLink_ExitsOneAndReportsTheLocation()
    {
        _repo.Write("docs/broken.md", "Intro\n\n  [gone](missing.md)\n");
        var run = await CliRun.RunAsync(_repo.Root, "--offline");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("docs/broken.md:3:10: broken: missing.md\n      file not found: docs/missing.md\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FromASubdirectory_UsesTheGitRootForRootRelativeLinks()
    {
        var run = await CliRun.RunAsync(_repo.PathOf("docs"), "index.md");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("1 file, 1 link (1 unique): 1 ok", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RootDirOption_OverridesTheGitRoot()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--root-dir", "docs", "docs");
        Assert.Equal(1, run.ExitCode);
        // The root-relative link resolves against docs/ now; the file is still named from the current directory.
        Assert.Contains("\n  docs/index.md:3:8: broken: /README.md#project\n      file not found: README.md\n", "\n" + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonToOutputFile_WritesTheReportAndNothingToStdout()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--format", "json", "--output", "out/report.json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_repo.PathOf("out/report.json")));
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("links").GetInt32());
        Assert.Equal("skipped", json.RootElement.GetProperty("results")[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_Dump_ListsLinksWithoutChecking()
    {
        _repo.Write("docs/broken.md", "[gone](missing.md)\n");
        var run = await CliRun.RunAsync(_repo.Root, "--dump");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("README.md:3:12: link docs/index.md\nREADME.md:3:38: link https://example.com\ndocs/broken.md:1:8: link missing.md\ndocs/index.md:3:8: link /README.md#project\n", run.Out);
    }

    [Fact]
    public async Task Run_DumpJson_HasLinksWithoutStatus()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--dump", "--format", "json");
        using var json = JsonDocument.Parse(run.Out);
        var first = json.RootElement.GetProperty("links")[0];
        Assert.Equal("README.md", first.GetProperty("file").GetString());
        Assert.Equal(12, first.GetProperty("column").GetInt32());
        Assert.Equal(24, first.GetProperty("endColumn").GetInt32());
        Assert.Equal("docs", first.GetProperty("text").GetString());
        Assert.False(first.TryGetProperty("status", out _));
    }

    [Theory]
    [InlineData(new[] { "no-such-dir" }, "linkcheck: path not found: no-such-dir\n")]
    [InlineData(new[] { "--exclude", "x(" }, "linkcheck: invalid --exclude pattern 'x(': Invalid pattern 'x(' at offset 2. Not enough )'s.\n")]
    [InlineData(new[] { "--root-dir", "nope" }, "linkcheck: --root-dir: directory not found: nope\n")]
    public async Task Run_BadInput_ExitsTwoWithOneClearLine(string[] args, string expected)
    {
        var run = await CliRun.RunAsync(_repo.Root, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--format", "xml")]
    [InlineData("--quiet", "--verbose")]
    [InlineData("--max-file-size", "lots")]
    public async Task Run_BadOptions_ExitTwoWithUsageHint(params string[] args)
    {
        var run = await CliRun.RunAsync(_repo.Root, args);
        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("; run 'linkcheck --help' for usage\n", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PathOutsideTheRoot_IsAUsageError()
    {
        using var other = new TempDirectory();
        other.Write("x.md", "x");
        var run = await CliRun.RunAsync(_repo.Root, "--root-dir", ".", other.PathOf("x.md"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("linkcheck: path is outside the repository root", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FileErrorOnly_ExitsOne()
    {
        _repo.WriteBytes("bad.md", [0x41, 0x00, 0x42]);
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--quiet");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("bad.md:1:1: error: binary file (contains NUL bytes), not markdown\n", run.Out);
    }

    [Fact]
    public async Task Run_Colour_OnlyOnATerminalWithoutNoColor()
    {
        _repo.Write("docs/broken.md", "[gone](missing.md)\n");
        Assert.Contains("\u001b[31m", (await CliRun.RunAsync(_repo.Root, null, true, "--offline")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", (await CliRun.RunAsync(_repo.Root, null, false, "--offline")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", (await CliRun.RunAsync(_repo.Root, null, true, "--offline", "--no-color")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", (await CliRun.RunAsync(_repo.Root, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, true, "--offline")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExcludeAndExcludePath_AreApplied()
    {
        _repo.Write("vendor/lib.md", "[gone](missing.md)\n");
        var run = await CliRun.RunAsync(_repo.Root, "--exclude-path", "vendor", "--exclude", "example\\.com", "--verbose");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("vendor", run.Out, StringComparison.Ordinal);
        Assert.Contains("README.md:3:38: excluded: https://example.com\n      excluded by --exclude 'example\\.com'\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Version_PrintsTheVersion()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--version");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(LinkCheckCli.Version, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_ListsTheOptions()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--offline", "--format", "--output", "--dump", "--exclude", "--exclude-path", "--root-dir", "--no-color", "--quiet", "--verbose", "--version" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_Help_EndsWithTheExitCodesIncludingTheSignals()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--help");
        Assert.EndsWith(ExitCodes.Help + "\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("130  cancelled by SIGINT", run.Out, StringComparison.Ordinal);
        Assert.Contains("143  cancelled by SIGTERM", run.Out, StringComparison.Ordinal);
    }
}
