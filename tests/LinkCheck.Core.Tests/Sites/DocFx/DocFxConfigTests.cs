using LinkCheck.Core.Sites.DocFx;

namespace LinkCheck.Core.Tests.Sites.DocFx;

/// <summary>docfx.json's content and resource groups, and Microsoft Learn's publish configuration.</summary>
public class DocFxConfigTests
{
    private const string PowerShellDocsStyle = """
        {
          // Microsoft's docfx.json files have comments and trailing commas.
          "build": {
            "content": [
              { "dest": "", "exclude": [ "**/includes/**", "README.md", "**/README.md" ], "files": [ "index.yml", "module/index.md" ] },
              { "dest": "scripting", "files": [ "**/*.md", "**/*.yml" ], "src": "docs-conceptual" },
              { "dest": "module", "exclude": [ "docs-conceptual/**" ], "files": [ "**/*.yml", "**/About/*.md" ], "src": "7.5" },
            ],
            "resource": [ { "files": [ "**/*.{png,jpg}" ], "src": "media", "dest": "media" } ],
            "xref": [ "https://example.org/xrefmap.yml" ],
          },
        }
        """;

    [Theory]
    [InlineData("docs-conceptual/learn/overview.md", "scripting/learn/overview.md")]
    [InlineData("7.5/Microsoft.PowerShell.Core/About/about_Jobs.md", "module/Microsoft.PowerShell.Core/About/about_Jobs.md")]
    [InlineData("7.5/Microsoft.PowerShell.Core/about/about_Jobs.md", "module/Microsoft.PowerShell.Core/about/about_Jobs.md")]
    [InlineData("module/index.md", "module/index.md")]
    [InlineData("7.5/Microsoft.PowerShell.Core/Get-Job.md", null)]
    [InlineData("README.md", null)]
    [InlineData("includes/note.md", null)]
    public void FindContent_ContentGroups_MapSourceToOutput(string path, string? expected)
    {
        var config = DocFxConfig.Parse(PowerShellDocsStyle);

        Assert.Equal(expected, config.FindContent(path)?.OutputPath);
    }

    [Fact]
    public void FindResource_BraceGlob_TakesEachAlternative()
    {
        var config = DocFxConfig.Parse(PowerShellDocsStyle);

        Assert.Equal("media/a/b.png", config.FindResource("media/a/b.png")?.OutputPath);
        Assert.Equal("media/c.jpg", config.FindResource("media/c.jpg")?.OutputPath);
        Assert.Null(config.FindResource("media/c.gif"));
        Assert.Equal(["https://example.org/xrefmap.yml"], config.ExternalXrefMaps);
    }

    [Theory]
    [InlineData("**/*.{md,yml}", new[] { "**/*.md", "**/*.yml" })]
    [InlineData("a{b,c{d,e}}f", new[] { "abf", "acdf", "acef" })]
    [InlineData("plain/*.md", new[] { "plain/*.md" })]
    [InlineData("unclosed{a,b", new[] { "unclosed{a,b" })]
    public void ExpandBraces_Alternatives_AreExpandedInOrder(string pattern, string[] expected) =>
        Assert.Equal(expected, DocFxFileGroup.ExpandBraces(pattern));

    [Theory]
    [InlineData("{ \"metadata\": [] }", "no \"build\" section")]
    [InlineData("{ \"build\": ", "not valid JSON")]
    public void Parse_Unusable_ThrowsFormatExceptionNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DocFxConfig.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenPublishing_PublishConfig_NamesRedirectionFilesAndDocsets()
    {
        var config = OpenPublishingConfig.Parse("""
            {
              "docsets_to_publish": [
                { "build_source_folder": "reference", "build_output_subfolder": "reference", "xref_query_tags": [ "/dotnet" ],
                  "customized_tasks": { "docset_prebuild": [ "_dependentPackages/MAML2Yaml/tools/Run.ps1" ] } },
                { "build_source_folder": ".", "build_output_subfolder": "root" }
              ],
              "redirection_files": [ "redir/.openpublishing.redirection.json", "\\redir\\other.json" ],
            }
            """);

        Assert.Equal(["redir/.openpublishing.redirection.json", "redir/other.json"], config.RedirectionFiles);
        Assert.Equal(new OpenPublishingDocset("reference", "reference", true, true), config.DocsetOf("reference/docs"));
        Assert.Equal(new OpenPublishingDocset(string.Empty, "root", false, false), config.DocsetOf("other"));
    }

    [Fact]
    public void OpenPublishing_RedirectionFile_ListsSourceAndTarget()
    {
        var redirections = OpenPublishingConfig.ParseRedirections("""
            { "redirections": [
                { "source_path": "../reference/docs/old.md", "redirect_url": "/powershell/scripting/new", "redirect_document_id": true },
                { "source_path_from_root": "/reference/docs/older.md", "redirect_url": "/powershell/scripting/newer" },
                { "redirect_url": "/no/source" }
            ] }
            """);

        Assert.Equal(
            [new("../reference/docs/old.md", "/powershell/scripting/new"), new("/reference/docs/older.md", "/powershell/scripting/newer")],
            redirections);
    }

    [Theory]
    [InlineData("**/*.md", "a/b/c.md", true)]
    [InlineData("**/*.md", "c.md", true)]
    [InlineData("**/*.md", ".github/c.md", false)]
    [InlineData("*.md", "a/c.md", false)]
    [InlineData("**/About/*.md", "7.5/Microsoft.PowerShell.Core/about/about_Jobs.md", true)]
    [InlineData("docs-conceptual/**", "docs-conceptual/a/b.yml", true)]
    [InlineData("README.md", "readme.MD", true)]
    [InlineData("README.md", "sub/README.md", false)]
    [InlineData("toc.y?l", "toc.yml", true)]
    public void ToRegex_Glob_MatchesAsDocFxDoes(string glob, string path, bool expected) =>
        Assert.Equal(expected, DocFxFileGroup.ToRegex(glob).IsMatch(path));
}
