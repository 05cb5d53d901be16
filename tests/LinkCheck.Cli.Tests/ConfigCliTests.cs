using System.CommandLine;
using System.Text.Json;
using LinkCheck.Cli;
using LinkCheck.Cli.Configuration;

namespace LinkCheck.Cli.Tests;

/// <summary>.linkcheck.yml through the real CLI: discovery, precedence, errors, --import.</summary>
public sealed class ConfigCliTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public ConfigCliTests()
    {
        _repo.InitGit();
        _repo.Write("README.md", "# Project\n\n[docs](docs/index.md) [gone](gone.md) [site](https://example.com)\n");
        _repo.Write("docs/index.md", "# Docs\n\n[old](legacy/page.md)\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task ConfigAtTheRoot_IsReadWithoutAnOption()
    {
        _repo.Write(".linkcheck.yml", "offline: true\nexclude:\n  - ^gone\\.md$\n");
        var run = await CliRun.RunAsync(_repo.Root, "--verbose");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("excluded: gone.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("skipped: https://example.com", run.Out, StringComparison.Ordinal);
        Assert.Contains("broken: legacy/page.md", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_WinsOverTheFile_AndListsCombine()
    {
        _repo.Write(".linkcheck.yml", "offline: true\nformat: json\nfail: false\nexclude:\n  - ^gone\\.md$\n");
        var run = await CliRun.RunAsync(_repo.Root, "--format", "text", "--exclude", "legacy");
        Assert.Equal(0, run.ExitCode); // fail: false from the file
        Assert.StartsWith("2 files, 4 links (2 unique): 1 ok, 0 broken, 0 warnings, 1 skipped, 2 excluded", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigOption_ReadsPathsAndRootRelativeToTheFile()
    {
        _repo.Write("ci/linkcheck.yml", "root-dir: ..\npaths:\n  - ../docs\noffline: true\nformat: json\noutput: ../out/report.json\n");
        var run = await CliRun.RunAsync(_repo.PathOf("docs"), "--config", "../ci/linkcheck.yml");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_repo.PathOf("out/report.json")));
        Assert.Equal(["docs/index.md"], json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("file").GetString()));
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task ConfigError_IsExitCodeTwoWithFileLineAndKey()
    {
        _repo.Write(".linkcheck.yml", "offline: true\ntimeout: soon\n");
        var run = await CliRun.RunAsync(_repo.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"linkcheck: {_repo.PathOf(".linkcheck.yml")}:2: timeout: expected a duration such as 500ms, 20s, 2m or 1d, not 'soon'\n", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task ConfigWithBadRegex_IsExitCodeTwo()
    {
        _repo.Write(".linkcheck.yml", "exclude:\n  - '[unclosed'\n");
        var run = await CliRun.RunAsync(_repo.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"linkcheck: {_repo.PathOf(".linkcheck.yml")}:2: exclude[1]: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingConfigFile_IsExitCodeTwo()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--config", "nope.yml");
        Assert.Equal((2, "linkcheck: --config: file not found: nope.yml\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task ConfigPathThatDoesNotExist_NamesTheKey()
    {
        _repo.Write(".linkcheck.yml", "paths:\n  - nowhere\n");
        var run = await CliRun.RunAsync(_repo.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"linkcheck: {_repo.PathOf(".linkcheck.yml")}:1: paths: path not found: nowhere\n", run.Error);
    }

    [Fact]
    public async Task HostHeaderWithMissingVariable_IsAWarningOnStderr()
    {
        _repo.Write(".linkcheck.yml", "offline: true\nhosts:\n  example.com:\n    headers:\n      Authorization: Bearer ${NOT_SET_TOKEN}\n");
        var run = await CliRun.RunAsync(_repo.Root);
        Assert.Contains(":5: header Authorization for example.com is not sent: ${NOT_SET_TOKEN} is not set\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PrintsYamlThatLinkcheckThenAccepts()
    {
        _repo.Write(".markdown-link-check.json", """{ "ignorePatterns": [{ "pattern": "^gone" }], "retryCount": 2, "unknownThing": 1 }""");
        var import = await CliRun.RunAsync(_repo.Root, "--import", ".markdown-link-check.json");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("# unknownThing = 1: not imported, no equivalent in linkcheck\n", import.Out, StringComparison.Ordinal);

        _repo.Write(".linkcheck.yml", import.Out + "offline: true\n");
        var run = await CliRun.RunAsync(_repo.Root, "--verbose");
        Assert.Contains("excluded: gone.md", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NotAConfiguration_IsExitCodeTwo()
    {
        _repo.Write("lychee.toml", "exclude = [\n");
        var run = await CliRun.RunAsync(_repo.Root, "--import", "lychee.toml");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("linkcheck: --import: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sarif", "\"version\": \"2.1.0\"")]
    [InlineData("junit", "<testsuites name=\"linkcheck\"")]
    [InlineData("markdown", "gone.md")]
    public async Task Format_MachineReadableReports(string format, string expected)
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--format", format);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOption_IsACommandOrASettingWithAConfigKey()
    {
        var options = new CliOptions();
        var command = options.CreateRootCommand();
        var commandOnly = options.CommandOnly.Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["--config", "--dry-run", "--dump", "--fix", "--github-token", "--import", "--staged"], commandOnly);

        // Every other option belongs to exactly one row of the settings table, and the row's key is the option's
        // name without dashes, positive for --no-x; the three plural keys are the documented exceptions.
        var keyOf = SettingsTable.All.SelectMany(s => s.Options.Select(o => (o.Name, s.Key))).ToDictionary(p => p.Name, p => p.Key);
        var settingOptions = command.Options.Select(o => o.Name).Where(n => !commandOnly.Contains(n) && n is not ("--help" or "--version")).ToList();
        Assert.Equal(settingOptions.Order(StringComparer.Ordinal), keyOf.Keys.Order(StringComparer.Ordinal));
        foreach (var name in settingOptions)
        {
            var expected = name switch
            {
                "--header" => "headers",
                "--host-limit" => "hosts",
                "--site" => "sites",
                _ when name.StartsWith("--no-", StringComparison.Ordinal) => name[5..],
                _ => name[2..],
            };
            Assert.True(expected == keyOf[name], $"{name} is set by key '{keyOf[name]}', expected '{expected}'");
            Assert.Equal(ConfigSchema.Keys[expected], SettingsTable.All.Single(s => s.Key == expected).Type);
        }

        // Keys without an option of their own: the paths (the PATH argument) and nothing else.
        Assert.Equal(["paths"], SettingsTable.All.Where(s => s.Options.Count == 0).Select(s => s.Key));
    }
}
