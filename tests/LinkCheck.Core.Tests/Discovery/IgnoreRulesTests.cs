using LinkCheck.Core.Discovery;

namespace LinkCheck.Core.Tests.Discovery;

public sealed class IgnoreRulesTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void IsIgnored_PathInsideIgnoredDirectory_IsIgnoredEvenIfNegated()
    {
        // gitignore(5): "It is not possible to re-include a file if a parent directory of that file is excluded."
        _repo.Write(".gitignore", "out/\n!out/keep.md\n");
        var rules = new IgnoreRules(_repo.Root);
        Assert.True(rules.IsIgnored("out/keep.md", isDirectory: false));
        Assert.False(rules.IsIgnored("docs/keep.md", isDirectory: false));
    }

    [Fact]
    public void IsIgnored_DeeperFileOverridesShallowerOne()
    {
        _repo.Write(".gitignore", "*.log.md\n");
        _repo.Write("a/.gitignore", "!*.log.md\n");
        var rules = new IgnoreRules(_repo.Root);
        Assert.True(rules.IsIgnored("x.log.md", false));
        Assert.False(rules.IsIgnored("a/x.log.md", false));
        Assert.False(rules.IsIgnored("a/b/x.log.md", false));
    }

    [Fact]
    public void IsIgnored_PatternsAreRelativeToTheirFile()
    {
        _repo.Write("docs/.gitignore", "/generated.md\n");
        var rules = new IgnoreRules(_repo.Root);
        Assert.True(rules.IsIgnored("docs/generated.md", false));
        Assert.False(rules.IsIgnored("generated.md", false));
        Assert.False(rules.IsIgnored("docs/sub/generated.md", false));
    }

    [Fact]
    public void None_IgnoresNothing() => Assert.False(IgnoreRules.None.IsIgnored("anything.md", false));
}
