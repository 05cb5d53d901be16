
using LinkCheck.Core;
using LinkCheck.Cli.Configuration;

namespace LinkCheck.Cli.Tests.Configuration;

public sealed class ConfigFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ConfigFile Load(string yaml, Dictionary<string, string>? variables = null)
    {
        var path = _dir.Write(".linkcheck.yml", yaml);
        return ConfigFile.Load(path, name => variables is not null && variables.TryGetValue(name, out var v) ? v : null);
    }

    private string ErrorOf(string yaml)
    {
        var error = Assert.Throws<LinkCheckConfigurationException>(() => Load(yaml));
        return error.Message.Replace(_dir.PathOf(".linkcheck.yml"), ".linkcheck.yml", StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TheDocumentedExample_ReadsEveryKeyWithItsType()
    {
        var config = ConfigFile.Load(Path.Combine(AppContext.BaseDirectory, "Docs", "linkcheck.example.yml"), name => name == "EXAMPLE_API_TOKEN" ? "s3cret" : null);

        Assert.Equal(["README.md", "docs"], config.List("paths"));
        Assert.Equal(64L * 1024 * 1024, config.Size("max-file-size"));
        Assert.Equal(TimeSpan.FromSeconds(20), config.Duration("timeout"));
        Assert.Equal(8, config.WholeNumber("host-concurrency"));
        Assert.True(config.StatusCodes("accept")!.Contains(403));
        Assert.False(config.Boolean("accept-timeouts"));
        Assert.Equal("warn", config.Text("unverified"));
        Assert.Equal(["^https://localhost", @"linkedin\.com"], config.List("exclude"));
        var github = Assert.Single(config.Hosts, h => h.Host == "github.com");
        Assert.Equal((2, TimeSpan.FromMilliseconds(250)), (github.Concurrency, github.Interval));
        var api = Assert.Single(config.Hosts, h => h.Host == "api.example.com");
        var header = Assert.Single(api.Headers);
        Assert.Equal(("Authorization", "Bearer s3cret"), (header.Name, header.Value));
        Assert.Empty(config.Warnings);
    }

    [Theory]
    [InlineData("- : \0")]
    [InlineData("-\t{\r-$")]
    [InlineData("\r\r!!b[a,b]")]
    [InlineData("%TAG !m!\t")]
    public void Load_YamlTheParserRejectsWithoutAYamlException_IsOneClearError(string yaml)
    {
        // Inputs the fuzzer found (fuzz/crashes/config): YamlDotNet threw InvalidOperationException or ArgumentException.
        var error = Assert.Throws<LinkCheckConfigurationException>(() => Load(yaml));
        Assert.Contains(": not valid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_HasNoSettings()
    {
        var config = Load("# nothing yet\n");
        Assert.False(config.Has("offline"));
        Assert.Empty(config.List("exclude"));
    }

    [Fact]
    public void Load_UnknownKey_NamesTheFileLineAndTheClosestKey()
    {
        Assert.Equal(".linkcheck.yml:3: unknown key 'exlude' (did you mean 'exclude'?)", ErrorOf("offline: true\n\nexlude:\n  - x\n"));
    }

    [Fact]
    public void Load_LycheeStyleKey_SuggestsOurSpelling()
    {
        Assert.Equal(".linkcheck.yml:1: unknown key 'max_redirects' (did you mean 'max-redirects'?)", ErrorOf("max_redirects: 3\n"));
    }

    [Theory]
    [InlineData("offline: yes\n", ".linkcheck.yml:1: offline: expected true or false, not 'yes'")]
    [InlineData("offline: 'true'\n", ".linkcheck.yml:1: offline: expected true or false, not 'true'")]
    [InlineData("max-retries: -1\n", ".linkcheck.yml:1: max-retries: expected a whole number, not '-1'")]
    [InlineData("max-concurrency: 0\n", ".linkcheck.yml:1: max-concurrency: expected at least 1, not '0'")]
    [InlineData("timeout: soon\n", ".linkcheck.yml:1: timeout: expected a duration such as 500ms, 20s, 2m or 1d, not 'soon'")]
    [InlineData("max-file-size: huge\n", ".linkcheck.yml:1: max-file-size: expected a size such as 1048576, 512KB or 64MB, not 'huge'")]
    [InlineData("format: xml\n", ".linkcheck.yml:1: format: expected one of text, json, sarif, markdown, junit, not 'xml'")]
    [InlineData("exclude:\n  key: value\n", ".linkcheck.yml:2: exclude: expected a list of texts, not a mapping")]
    [InlineData("user-agent:\n  - a\n", ".linkcheck.yml:2: user-agent: expected a text, not a list")]
    [InlineData("hosts:\n  - github.com\n", ".linkcheck.yml:2: hosts: expected a mapping of host names to settings, not a list")]
    public void Load_WrongType_NamesTheFileLineAndKey(string yaml, string expected)
    {
        Assert.Equal(expected, ErrorOf(yaml));
    }

    [Fact]
    public void Load_BadRegexInAList_NamesTheLineOfTheItem()
    {
        var message = ErrorOf("exclude:\n  - ^https://ok\n  - '(unclosed'\n");
        Assert.StartsWith(".linkcheck.yml:3: exclude[2]: ", message, StringComparison.Ordinal);
        Assert.Contains("(unclosed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadStatusCodes_NamesTheKey()
    {
        Assert.StartsWith(".linkcheck.yml:1: accept: ", ErrorOf("accept: 200..=abc\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotYaml_NamesTheLine()
    {
        Assert.StartsWith(".linkcheck.yml:2: not valid YAML: ", ErrorOf("offline: true\n  exclude: [\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAMapping_IsAnError()
    {
        Assert.Equal(".linkcheck.yml:1: the configuration must be a mapping of keys to values", ErrorOf("- offline\n"));
    }

    [Fact]
    public void Load_HostWithUnknownSetting_ListsTheKnownOnes()
    {
        Assert.Equal(".linkcheck.yml:3: hosts.github.com: unknown key 'rate' (expected concurrency, interval, headers, insecure)", ErrorOf("hosts:\n  github.com:\n    rate: 3\n"));
    }

    [Fact]
    public void Load_HostNameWithAScheme_IsAnError()
    {
        Assert.Equal(".linkcheck.yml:2: hosts.https://github.com: expected a host name such as github.com", ErrorOf("hosts:\n  https://github.com:\n    concurrency: 1\n"));
    }

    [Fact]
    public void Load_HeaderWithUnsetVariable_IsSkippedWithAWarning()
    {
        var config = Load("hosts:\n  api.example.com:\n    headers:\n      Authorization: Bearer ${MISSING_TOKEN}\n      Accept: application/json\n");
        var host = Assert.Single(config.Hosts);
        Assert.Equal("Accept", Assert.Single(host.Headers).Name);
        var warning = Assert.Single(config.Warnings);
        Assert.EndsWith(":4: header Authorization for api.example.com is not sent: ${MISSING_TOKEN} is not set", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_PointsAtTheKeyLine()
    {
        var config = Load("offline: true\nroot-dir: docs\n");
        Assert.Equal(_dir.PathOf(".linkcheck.yml") + ":2", config.Where("root-dir"));
    }
}
