using LinkCheck.Core.Discovery;

namespace LinkCheck.Core.Tests.Discovery;

public sealed class MarkdownFileFinderTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public MarkdownFileFinderTests() => _repo.InitGit();

    public void Dispose() => _repo.Dispose();

    private DiscoveryResult Find(IReadOnlyList<string>? paths = null, IReadOnlyList<string>? include = null, IReadOnlyList<string>? exclude = null, bool gitIgnore = true) =>
        MarkdownFileFinder.Find(new DiscoveryOptions(
            _repo.Root,
            paths?.Select(_repo.PathOf).ToList() ?? [_repo.Root],
            include ?? [],
            exclude ?? [],
            gitIgnore));

    private static List<string> Paths(DiscoveryResult result) => result.Documents.Select(d => d.Path).ToList();

    [Fact]
    public void Find_MarkdownExtensions_InPathOrder()
    {
        foreach (var name in new[] { "z.md", "a.markdown", "docs/b.mdown", "docs/c.mkd", "docs/A.MD", "notes.txt", "img.png", "docs/sub/d.md" })
        {
            _repo.Write(name, "x");
        }

        Assert.Equal(["a.markdown", "docs/A.MD", "docs/b.mdown", "docs/c.mkd", "docs/sub/d.md", "z.md"], Paths(Find()));
    }

    [Fact]
    public void Find_SkipsDotGit()
    {
        _repo.Write(".git/notes.md", "x");
        _repo.Write(".github/CONTRIBUTING.md", "x");
        Assert.Equal([".github/CONTRIBUTING.md"], Paths(Find()));
    }

    [Fact]
    public void Find_HonoursGitIgnoreAtEveryLevelWithNegation()
    {
        _repo.Write(".gitignore", "build/\n*.tmp.md\n");
        _repo.Write("docs/.gitignore", "!keep.tmp.md\ndrafts\n");
        _repo.Write("build/out.md", "x");
        _repo.Write("x.tmp.md", "x");
        _repo.Write("docs/keep.tmp.md", "x");
        _repo.Write("docs/other.tmp.md", "x");
        _repo.Write("docs/drafts/d.md", "x");
        _repo.Write("drafts/top.md", "x");
        _repo.Write("docs/real.md", "x");

        Assert.Equal(["docs/keep.tmp.md", "docs/real.md", "drafts/top.md"], Paths(Find()));
    }

    [Fact]
    public void Find_HonoursGitInfoExclude()
    {
        _repo.Write(".git/info/exclude", "private.md\n");
        _repo.Write("private.md", "x");
        _repo.Write("public.md", "x");
        Assert.Equal(["public.md"], Paths(Find()));
    }

    [Fact]
    public void Find_NoGitIgnore_ChecksIgnoredFilesToo()
    {
        _repo.Write(".gitignore", "*.md\n!a.md\n");
        _repo.Write("a.md", "x");
        _repo.Write("b.md", "x");
        Assert.Equal(["a.md", "b.md"], Paths(Find(gitIgnore: false)));
    }

    [Fact]
    public void Find_ExplicitIgnoredFile_IsChecked()
    {
        _repo.Write(".gitignore", "generated.md\n");
        _repo.Write("generated.md", "x");
        Assert.Empty(Paths(Find()));
        Assert.Equal(["generated.md"], Paths(Find(["generated.md"])));
    }

    [Fact]
    public void Find_ExplicitFileWithOtherExtension_IsChecked()
    {
        _repo.Write("notes.txt", "x");
        Assert.Equal(["notes.txt"], Paths(Find(["notes.txt"])));
    }

    [Fact]
    public void Find_ExcludeAndIncludeGlobs()
    {
        _repo.Write("README.md", "x");
        _repo.Write("CHANGELOG.md", "x");
        _repo.Write("docs/CHANGELOG.md", "x");
        _repo.Write("vendor/lib/README.md", "x");
        _repo.Write("docs/guide.md", "x");
        _repo.Write("docs/page.mdx", "x");

        Assert.Equal(["README.md", "docs/guide.md"], Paths(Find(exclude: ["CHANGELOG.md", "vendor"])));
        Assert.Equal(["docs/guide.md", "docs/page.mdx"], Paths(Find(include: ["docs/*.md", "**/*.mdx"], exclude: ["CHANGELOG.md"])));
    }

    [Fact]
    public void Find_SymlinkLoop_IsSurvived()
    {
        _repo.Write("docs/a.md", "x");
        _repo.Symlink("docs/loop", _repo.PathOf("docs"), directory: true);
        _repo.Symlink("self.md", _repo.PathOf("self.md"));

        var result = Find();

        Assert.Equal(["docs/a.md"], Paths(result));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("self.md", problem.Path);
        Assert.Contains("loop", problem.Message);
    }

    [Fact]
    public void Find_SymlinkOutOfRoot_IsNotFollowed()
    {
        using var outside = new TempDirectory();
        outside.Write("secret/passwords.md", "x");
        outside.Write("single.md", "x");
        _repo.Symlink("linked-dir", outside.PathOf("secret"), directory: true);
        _repo.Symlink("linked.md", outside.PathOf("single.md"));
        _repo.Write("inside.md", "x");

        var result = Find();

        Assert.Equal(["inside.md"], Paths(result));
        Assert.Contains(result.Notes, n => n.StartsWith("linked-dir:", StringComparison.Ordinal) && n.Contains("outside the repository"));
        Assert.Contains(result.Notes, n => n.StartsWith("linked.md:", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_SymlinkInsideRoot_IsFollowedOnceAndRealPathWins()
    {
        _repo.Write("docs/guide.md", "x");
        _repo.Symlink("a-link", _repo.PathOf("docs"), directory: true);
        _repo.Symlink("alias.md", _repo.PathOf("docs/guide.md"));
        _repo.Write("shared/only-here.md", "x");
        _repo.Symlink("z-link", _repo.PathOf("shared"), directory: true);

        // docs/guide.md is reachable three ways; shared/ twice: each file is listed once, under its real path.
        Assert.Equal(["docs/guide.md", "shared/only-here.md"], Paths(Find()));
    }

    [Fact]
    public void Find_DanglingSymlink_IsAProblem()
    {
        _repo.Symlink("gone.md", _repo.PathOf("nowhere.md"));
        var problem = Assert.Single(Find().Problems);
        Assert.Equal("gone.md", problem.Path);
        Assert.Contains("does not exist", problem.Message);
    }
}
