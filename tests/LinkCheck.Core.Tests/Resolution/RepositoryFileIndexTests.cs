using LinkCheck.Core.Discovery;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Core.Tests.Resolution;

/// <summary>The index of every file of the repository that sites are built from.</summary>
public class RepositoryFileIndexTests
{
    [Fact]
    public void Files_ListsEveryFileInOrder_WithoutGitIgnoredOrLinkedEntries()
    {
        using var repo = new TempDirectory();
        repo.InitGit();
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        repo.Write(".gitignore", "build/\n*.log\n");
        repo.Write("b.md", "# B\n");
        repo.Write("a/z.png", "png");
        repo.Write("a/deep/x.md", "# X\n");
        repo.Write("build/out.html", "<p>");
        repo.Write("debug.log", "log");
        using var outside = new TempDirectory();
        outside.Write("secret.md", "# outside the root\n");
        repo.Symlink("linked.md", outside.PathOf("secret.md"));
        repo.Symlink("linked-folder", outside.Root, directory: true);

        var index = new RepositoryFileIndex(repo.Root, new IgnoreRules(repo.Root));

        Assert.Equal([".gitignore", "a/deep/x.md", "a/z.png", "b.md"], index.Files);
        Assert.Equal(["a/deep/x.md"], index.FindByName("X.MD"));
    }
}
