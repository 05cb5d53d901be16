
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

        // lychee's include overrides its excludes instead of restricting the run: it is folded into them.
        Assert.Equal(["^(?!.*(?:gist\\.github\\.com.*)).*(?:.*\\.github.com\\.*)", "^(?!.*(?:gist\\.github\\.com.*)).*(?:^mailto:)"], config.List("exclude"));
        Assert.False(config.Has("include"));
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
        Assert.Contains("  - '^(?!.*(?:gist\\.github\\.com.*)).*(?:^mailto:)'\n", yaml, StringComparison.Ordinal);
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
        Assert.Equal($"--import: {path}:2:1: not valid TOML: the file ends before an array is closed (add ])", error.Message);
    }

    [Theory]
    [InlineData("timeout = 20\ntimeout = 30\n", "2:1: not valid TOML: the key `timeout` is already set at line 1, and TOML allows a key or table only once")]
    [InlineData("cache = tru\n", "1:9: not valid TOML: unexpected `tru` for a value")]
    [InlineData("x = \"abc\n", "1:9: not valid TOML: a string is not closed before the end of its line")]
    [InlineData("exclude = ['a' 'b']\n", "1:16: not valid TOML: missing a `,` to separate items in an array")]
    [InlineData("timeout 20\n", "1:9: not valid TOML: expecting `=` after a key instead of 20")]
    [InlineData("x = { a = 1\n", "2:1: not valid TOML: the file ends before an inline table is closed (add })")]
    [InlineData("[a]\nb = 1\n[a]\nc = 2\n", "3:1: not valid TOML: the key `a` is already set at line 1")]
    [InlineData("x = \"\"\"abc\n", "1:11: not valid TOML: the file ends inside a multi-line string")]
    [InlineData("max_retries = 1_\n", "1:17: not valid TOML: missing a digit after a trailing underscore `_`")]
    public void Import_BadToml_SaysWhereAndWhatInPlainWords(string toml, string expected)
    {
        var path = _dir.Write("lychee.toml", toml);

        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(path));

        Assert.StartsWith($"--import: {path}:{expected}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("Tomlyn", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadJson_IsOneClearError()
    {
        var path = _dir.Write(".markdown-link-check.json", "{ \"timeout\": ");
        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(path));
        Assert.StartsWith($"--import: {path}:1:14: not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFile_IsOneClearError()
    {
        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(_dir.PathOf("nope.toml")));
        Assert.StartsWith("--import: cannot read ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LycheeIncludeWithExclude_KeepsLycheesMeaning()
    {
        var yaml = ConfigImporter.FromLychee("exclude = ['example\\.com']\ninclude = ['example\\.com/keep']\n", "lychee.toml");

        Assert.DoesNotContain("\ninclude:", yaml, StringComparison.Ordinal);
        Assert.Contains("  - '^(?!.*(?:example\\.com/keep)).*(?:example\\.com)'\n", yaml, StringComparison.Ordinal);

        // The rewritten exclude behaves as lychee does: the include wins, other URLs stay excluded, nothing is restricted.
        var pattern = new System.Text.RegularExpressions.Regex("^(?!.*(?:example\\.com/keep)).*(?:example\\.com)");
        Assert.DoesNotMatch(pattern, "https://example.com/keep/this");
        Assert.Matches(pattern, "https://example.com/other");
        Assert.DoesNotMatch(pattern, "https://elsewhere.org/");
    }

    [Fact]
    public void Import_LycheeIncludeWithoutExclude_IsACommentNotARestriction()
    {
        var yaml = ConfigImporter.FromLychee("include = ['docs']\n", "lychee.toml");
        Assert.DoesNotContain("\ninclude:", yaml, StringComparison.Ordinal);
        Assert.Contains("# include = [docs]: not imported, in lychee an include only overrides excludes, and there are none\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LycheeMarkdownFormat_MapsToFormatMarkdown() =>
        Assert.Contains("format: 'markdown'\n", ConfigImporter.FromLychee("format = 'markdown'\n", "lychee.toml"), StringComparison.Ordinal);

    [Fact]
    public void Import_LycheeAbsoluteRootDir_BecomesAComment()
    {
        var yaml = ConfigImporter.FromLychee("root_dir = '/home/me/site'\n", "lychee.toml");
        Assert.DoesNotContain("root-dir:", yaml, StringComparison.Ordinal);
        Assert.Contains("# root_dir = ", yaml, StringComparison.Ordinal);
        Assert.Contains("/home/me/site", yaml, StringComparison.Ordinal);
        Assert.Contains("not imported, an absolute path works on one machine only", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LycheeIgnore_CarriesEveryPatternExactlyIntoExclude()
    {
        var path = _dir.WriteBytes(".lycheeignore", "# known gone\r\n^https://gone\\.example/\r\n\r\n  # indented comment\nhttps://a\\.example/x \n\\.pdf$"u8.ToArray());

        var yaml = ConfigImporter.Import(path);
        var config = ConfigFile.Load(_dir.Write(".linkcheck.yml", yaml), _ => null);

        Assert.Contains("# from .lycheeignore: one regular expression a line, as lychee reads them (not trimmed)\nexclude:\n", yaml, StringComparison.Ordinal);
        Assert.Equal(["^https://gone\\.example/", "https://a\\.example/x ", "\\.pdf$"], config.List("exclude"));
    }

    [Fact]
    public void Import_LycheeIgnoreWithAPatternDotNetRefuses_NamesTheLine()
    {
        var path = _dir.Write(".lycheeignore", "^ok\n# comment\n(?P<name>x\n");

        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(path));

        Assert.StartsWith($"--import: {path}:3: invalid exclude pattern '(?P<name>x': ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": rewrite it in .NET's syntax (or drop it) and import again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Import_LycheeIgnoreNotUtf8_NamesTheLine()
    {
        var path = _dir.WriteBytes(".lycheeignore", [.. "^ok\n"u8, 0xE9, 0x0A]);

        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(path));

        Assert.StartsWith($"--import: {path}:2: not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LycheeTomlWithALycheeIgnoreBesideIt_FoldsItsPatternsUnderTheIncludes()
    {
        _dir.Write(".lycheeignore", "example\\.com\n");
        var path = _dir.Write("lychee.toml", "include = ['example\\.com/keep']\n");

        var yaml = ConfigImporter.Import(path);

        // lychee appends .lycheeignore to exclude, and its include overrides those patterns as well.
        Assert.Contains("# with the 1 pattern of .lycheeignore beside it (delete that file once this one is in place: linkcheck reads it too, without lychee's include)\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - '^(?!.*(?:example\\.com/keep)).*(?:example\\.com)'\n", yaml, StringComparison.Ordinal);
    }
}
