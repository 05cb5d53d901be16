using LinkCheck.Core.Discovery;

namespace LinkCheck.Core.Tests.Discovery;

public class PathGlobsTests
{
    [Theory]
    [InlineData("CHANGELOG.md", "CHANGELOG.md", true)]
    [InlineData("CHANGELOG.md", "docs/CHANGELOG.md", true)]
    [InlineData("/CHANGELOG.md", "docs/CHANGELOG.md", false)]
    [InlineData("vendor", "vendor/a/b.md", true)]
    [InlineData("vendor/", "x/vendor/b.md", true)]
    [InlineData("docs/**/draft-*.md", "docs/a/b/draft-1.md", true)]
    [InlineData("docs/*.md", "docs/a/b.md", false)]
    [InlineData("*.MD", "a.md", false)]
    public void IsExcluded_FollowsGitIgnoreLikeRules(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, new PathGlobs([], [pattern]).IsExcluded(path));

    [Theory]
    [InlineData("README.md", true)]
    [InlineData("docs/Guide.MARKDOWN", true)]
    [InlineData("notes.mdx", false)]
    [InlineData("a.md.txt", false)]
    public void IsIncludedFile_DefaultsToMarkdownExtensionsIgnoringCase(string path, bool included) =>
        Assert.Equal(included, new PathGlobs([], []).IsIncludedFile(path));
}
