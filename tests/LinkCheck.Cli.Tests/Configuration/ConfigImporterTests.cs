
using LinkCheck.Core;
using LinkCheck.Cli.Configuration;

namespace LinkCheck.Cli.Tests.Configuration;

/// <summary>Sample configurations written from lychee's and markdown-link-check's documentation.</summary>
public sealed class ConfigImporterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "import", name);

    private static string Expected(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", "import", name));

    [Theory]
    [InlineData("lychee.toml", "lychee.linkcheck.yml")]
    [InlineData("markdown-link-check.json", "markdown-link-check.linkcheck.yml")]
    public void Import_Sample_GivesTheExpectedYaml(string sample, string expected)
    {
        Assert.Equal(Expected(expected), ConfigImporter.Import(Sample(sample)));
    }

    [Fact]
    public void Import_Lychee_IsAConfigurationLinkcheckLoadsWithTheSameValues()
    {
        var path = _dir.Write(".linkcheck.yml", ConfigImporter.Import(Sample("lychee.toml")));
        var config = ConfigFile.Load(path, _ => null);

        Assert.Equal([".*\\.github.com\\.*", "^mailto:"], config.List("exclude"));
        Assert.Equal(["gist\\.github\\.com.*"], config.List("include"));
        Assert.Equal(TimeSpan.FromSeconds(20), config.Duration("timeout"));
        Assert.Equal(TimeSpan.FromDays(2), config.Duration("max-cache-age"));
        Assert.Equal(14, config.WholeNumber("max-concurrency"));
        Assert.Equal(2, config.WholeNumber("max-retries"));
        Assert.Equal(true, config.Boolean("cache"));
        var accept = config.StatusCodes("accept")!;
        Assert.True(accept.Contains(200) && accept.Contains(429));
        Assert.False(accept.Contains(201));
        Assert.Equal(["https://example.com http://example.invalid"], config.List("remap"));
    }

    [Fact]
    public void Import_MarkdownLinkCheck_IsAConfigurationLinkcheckLoadsWithTheSameValues()
    {
        var path = _dir.Write(".linkcheck.yml", ConfigImporter.Import(Sample("markdown-link-check.json")));
        var config = ConfigFile.Load(path, name => name == "EXAMPLE_COM_AUTHORIZATION" ? "Basic abc" : null);

        Assert.Equal(["^http://example.net"], config.List("exclude"));
        Assert.Equal(3, config.List("remap").Count);
        Assert.Equal(TimeSpan.FromSeconds(20), config.Duration("timeout"));
        Assert.Equal(5, config.WholeNumber("max-retries"));
        var host = Assert.Single(config.Hosts);
        Assert.Equal("example.com", host.Host);
        Assert.Equal([("Authorization", "Basic abc"), ("Foo", "Bar")], host.Headers.Select(h => (h.Name, h.Value)));
        Assert.True(host.Headers.All(h => h.Host == "example.com"));
    }

    [Fact]
    public void Import_Lychee_MapsEquivalentsAndCommentsTheRest()
    {
        var yaml = ConfigImporter.Import(Sample("lychee.toml"));
        Assert.Contains("max-concurrency: 14\n", yaml, StringComparison.Ordinal);
        Assert.Contains("timeout: '20s'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("accept: '200,429'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - '^mailto:'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("# threads = 2: not imported, ", yaml, StringComparison.Ordinal);
        Assert.Contains("insecure: false\n", yaml, StringComparison.Ordinal);
        Assert.Contains("scheme:\n  - 'https'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("method: 'get'\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NeverCopiesCredentials()
    {
        var lychee = ConfigImporter.Import(Sample("lychee.toml"));
        var mlc = ConfigImporter.Import(Sample("markdown-link-check.json"));
        Assert.DoesNotContain("user:pwd", lychee, StringComparison.Ordinal);
        Assert.DoesNotContain("Zm9vOmJhcg==", mlc, StringComparison.Ordinal);
        Assert.Contains("'Authorization': '${EXAMPLE_COM_AUTHORIZATION}'", mlc, StringComparison.Ordinal);
        Assert.Contains("'Foo': 'Bar'", mlc, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MarkdownLinkCheck_TranslatesJavaScriptNamedGroups()
    {
        Assert.Contains("  - 'images/(?<filename>.*) assets/${filename}'\n", ConfigImporter.Import(Sample("markdown-link-check.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadToml_IsOneClearError()
    {
        var path = _dir.Write("lychee.toml", "exclude = [\n");
        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(path));
        Assert.StartsWith($"--import: {path} is not valid TOML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadJson_IsOneClearError()
    {
        var path = _dir.Write(".markdown-link-check.json", "{ \"timeout\": ");
        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(path));
        Assert.StartsWith($"--import: {path} is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFile_IsOneClearError()
    {
        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(_dir.PathOf("nope.toml")));
        Assert.StartsWith("--import: cannot read ", error.Message, StringComparison.Ordinal);
    }
}
