using LinkCheck.Core.Model;
using LinkCheck.Core.Sites;
using LinkCheck.Core.Sites.Hugo;
using LinkCheck.Core.Sites.Jekyll;
using LinkCheck.Core.Tests.Sites.Harness;

namespace LinkCheck.Core.Tests.Sites;

/// <summary>
/// YAML that YamlDotNet rejects with an InvalidOperationException rather than a YamlException (a flow sequence left
/// open before a key longer than 1,024 characters; found by <see cref="PagesAfterExtractionTests"/>' generated
/// front matter): every site reader treats it as invalid YAML, and a run goes on.
/// </summary>
public class SiteYamlTests
{
    private static readonly string Breaking = "x: [a,\n" + new string('y', 1500) + "\nslug: s\n";

    [Fact]
    public void FrontMatterReaders_YamlTheParserStopsOn_ReadNoFields()
    {
        var page = "---\n" + Breaking + "---\n# Page\n";

        Assert.Empty(HugoData.FrontMatter(page));
        Assert.Empty(FrontMatterFields.Read(page));
        Assert.Null(JekyllFrontMatter.Read(page).Slug);
    }

    [Fact]
    public void JekyllConfig_YamlTheParserStopsOn_IsAConfigurationError()
    {
        var error = Assert.Throws<SiteConfigurationException>(() => JekyllConfig.Parse(Breaking, "_config.yml"));

        Assert.StartsWith("_config.yml is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_HugoPageWithSuchFrontMatter_ChecksEveryPage()
    {
        using var repo = new TempDirectory();
        repo.InitGit();
        repo.Write("hugo.toml", "baseURL = 'https://example.org/'\n");
        repo.Write("content/bad.md", "---\n" + Breaking + "---\n# Bad\n\n[good]({{< relref \"good.md\" >}})\n");
        repo.Write("content/good.md", "# Good\n\n[missing]({{< ref \"missing.md\" >}})\n");

        var report = await SiteCheck.RunAsync(repo.Root);

        Assert.Equal("hugo", Assert.Single(report.Sites).Info.Generator);
        Assert.Contains(report.Results, r => r.Location.File == "content/bad.md" && r.Status == LinkStatus.Ok);
        Assert.Contains(report.Results, r => r.Location.File == "content/good.md" && r.Status == LinkStatus.Broken);
    }
}
