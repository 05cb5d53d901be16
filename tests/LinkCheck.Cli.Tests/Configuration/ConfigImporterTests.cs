
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

    [Theory]
    [InlineData("lychee.toml")]
    [InlineData("markdown-link-check.json")]
    public void Import_Sample_IsAConfigurationLinkcheckAccepts(string sample)
    {
        var path = _dir.Write(".linkcheck.yml", ConfigImporter.Import(Sample(sample)));
        var config = ConfigFile.Load(path, name => name == "EXAMPLE_COM_AUTHORIZATION" ? "Basic abc" : null);
        Assert.NotEmpty(config.List("exclude"));
        Assert.True(config.Has("timeout"));
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
        Assert.Contains("# insecure = false: not imported, linkcheck always verifies TLS certificates\n", yaml, StringComparison.Ordinal);
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
