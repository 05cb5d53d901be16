using LinkCheck.Core.Sites.Docusaurus;

namespace LinkCheck.Core.Tests.Sites.Docusaurus;

/// <summary>The values of docusaurus.config.{js,ts,mjs} the site model needs, read statically.</summary>
public class DocusaurusConfigTests
{
    [Fact]
    public void Parse_FixtureConfig_ReadsAddressAndContentPlugins()
    {
        var config = DocusaurusConfig.Parse(File.ReadAllText(Path.Combine(FixturePaths.Of("docusaurus"), "docusaurus.config.js")));

        Assert.Equal("https://example.github.io", config.Url);
        Assert.Equal("/widgets/", config.BaseUrl);
        Assert.Equal(
            [
                new DocusaurusContentPlugin(DocusaurusContentKind.Docs, "default", "docs", "guide"),
                new DocusaurusContentPlugin(DocusaurusContentKind.Blog, "default", "blog", "blog"),
                new DocusaurusContentPlugin(DocusaurusContentKind.Pages, "default", "src/pages", string.Empty),
            ],
            config.Plugins.Select(p => p with { VersionPaths = new Dictionary<string, string>() }),
            new PluginComparer());
        Assert.Empty(config.Notes);
    }

    [Fact]
    public void Parse_PresetWithoutBlogAndASecondDocsPlugin_ListsEachInstance()
    {
        var config = DocusaurusConfig.Parse("""
            export default {
              url: 'https://docs.example.org',
              baseUrl: 'docs',
              presets: [['@docusaurus/preset-classic', { docs: { path: './documentation', routeBasePath: '/', lastVersion: 'current', versions: { current: { path: 'dev' } } }, blog: false }]],
              plugins: [
                ['@docusaurus/plugin-content-docs', { id: 'api', path: 'api', routeBasePath: 'api' }],
                'some-other-plugin',
              ],
            };
            """);

        Assert.Equal("/docs/", config.BaseUrl);
        var docs = config.Plugins.Where(p => p.Kind == DocusaurusContentKind.Docs).ToList();
        Assert.Equal(["documentation:", "api:api"], docs.Select(d => d.Path + ":" + d.RouteBasePath));
        Assert.Equal("current", docs[0].LastVersion);
        Assert.Equal("dev", docs[0].VersionPaths["current"]);
        Assert.Equal("api", docs[1].Id);
        Assert.DoesNotContain(config.Plugins, p => p.Kind == DocusaurusContentKind.Blog);
    }

    [Fact]
    public void Parse_ComputedValues_AreNotedAndNotGuessed()
    {
        var config = DocusaurusConfig.Parse("""
            module.exports = {
              url: process.env.URL,
              baseUrl: process.env.BASE_URL || '/',
              presets: [['classic', { docs: { routeBasePath: getRoute() }, blog: computeBlog() }]],
            };
            """);

        Assert.Null(config.Url);
        Assert.Null(config.BaseUrl);
        Assert.Contains(config.Notes, n => n.StartsWith("baseUrl is computed (process.env.BASE_URL || '/')", StringComparison.Ordinal));
        Assert.NotNull(config.Plugins.Single(p => p.Kind == DocusaurusContentKind.Docs).Unknown);
        Assert.Contains("computed", config.Plugins.Single(p => p.Kind == DocusaurusContentKind.Blog).Unknown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trailingSlash: true,", true)]
    [InlineData("trailingSlash: false,", false)]
    [InlineData("trailingSlash: undefined,", null)]
    [InlineData("", null)]
    public void Parse_TrailingSlash_IsReadAsWritten(string line, bool? expected)
    {
        var config = DocusaurusConfig.Parse($$"""
            export default {
              url: 'https://example.com',
              baseUrl: '/',
              {{line}}
              presets: [['classic', {}]],
            };
            """);
        Assert.Equal(expected, config.TrailingSlash);
    }

    [Fact]
    public void Parse_NoObjectLiteral_AssumesTheDefaultsAndSaysSo()
    {
        var config = DocusaurusConfig.Parse("module.exports = require('./config-factory')();");

        Assert.Equal(["docs:docs", "blog:blog", "src/pages:"], config.Plugins.Select(p => p.Path + ":" + p.RouteBasePath));
        Assert.Single(config.Notes);
    }

    /// <summary>Plugins compared by value (the version-path dictionary compared by content).</summary>
    private sealed class PluginComparer : IEqualityComparer<DocusaurusContentPlugin>
    {
        public bool Equals(DocusaurusContentPlugin? x, DocusaurusContentPlugin? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.Id == y.Id && x.Path == y.Path && x.RouteBasePath == y.RouteBasePath
            && x.Unknown == y.Unknown && x.LastVersion == y.LastVersion && x.IncludeCurrentVersion == y.IncludeCurrentVersion;

        public int GetHashCode(DocusaurusContentPlugin obj) => HashCode.Combine(obj.Kind, obj.Path);
    }
}
