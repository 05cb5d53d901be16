using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Resolution;

public sealed class LocalFileResolverTests : ResolutionTestBase
{
    [Fact]
    public async Task Resolve_ExistingFileAndDirectory_AreOk()
    {
        Repo.Write("docs/setup.md", "# Setup");
        Repo.CreateDirectory("docs/images");
        Repo.Write("README.md", "[a](docs/setup.md) [b](docs/images/) [c](docs) [d](/docs/setup.md?raw=true) [e](.)");

        var report = await CheckAsync();

        Assert.All(report.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Equal(5, report.Summary.Ok);
    }

    [Theory]
    [InlineData("docs/Setup.md", "README.md", "docs/setup.md", "docs/Setup.md", "docs/Setup.md")]
    [InlineData("Docs/Guide/intro.md", "docs/readme.md", "../docs/guide/intro.md", "../Docs/Guide/intro.md", null)]
    [InlineData("docs/installation.md", "docs/index.md", "instalation.md", "installation.md", "file not found: docs/instalation.md")]
    [InlineData("docs/setup.md", "docs/index.md", "./setup", "./setup.md", null)]
    [InlineData("guides/advanced/tuning.md", "docs/index.md", "tuning.md#cache", "../guides/advanced/tuning.md#cache", null)]
    public async Task Resolve_MissingTarget_IsBrokenAndSuggestsTheRealOne(string existing, string page, string link, string suggestion, string? message)
    {
        // A case mismatch (in the name or a folder), a typo, a missing extension, a file moved elsewhere.
        Repo.Write(existing, "x");
        Repo.Write(page, $"[l]({link})");

        var result = await ResultForAsync(link);

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(suggestion, result.Suggestion);
        if (message is not null)
        {
            Assert.Contains(message, result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Resolve_OutsideRoot_IsBrokenAndNothingIsRead()
    {
        Repo.Write("docs/a.md", "[up](../../outside.md) [abs](/../x.md)");
        var report = await CheckAsync();
        Assert.All(report.Results, r =>
        {
            Assert.Equal(LinkStatus.Broken, r.Status);
            Assert.Equal("points outside the repository", r.Message);
        });
    }

    [Fact]
    public async Task Resolve_SymlinkLeavingTheRoot_IsBroken()
    {
        using var outside = new TempDirectory();
        outside.Write("secret.md", "# Secret");
        Repo.Symlink("escape", outside.Root, directory: true);
        Repo.Write("a.md", "[s](escape/secret.md) [t](escape/secret.md#secret)");

        var report = await CheckAsync();

        Assert.All(report.Results, r =>
        {
            Assert.Equal(LinkStatus.Broken, r.Status);
            Assert.StartsWith("points outside the repository", r.Message);
        });
    }

    [Fact]
    public async Task Resolve_GitIgnoredTarget_IsAWarning()
    {
        Repo.Write(".gitignore", "build/\n");
        Repo.Write("build/report.html", "<p>x</p>");
        Repo.Write("README.md", "[r](build/report.html)");
        var result = await ResultForAsync("build/report.html");
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Contains("ignored by git", result.Message);
    }

    [Fact]
    public async Task Resolve_SameTargetManyTimes_EveryOccurrenceGetsTheVerdict()
    {
        Repo.Write("a.md", "[x](missing.md) [y](./missing.md)");
        Repo.Write("sub/b.md", "[z](../missing.md)");
        var report = await CheckAsync();
        Assert.Equal(3, report.Summary.Broken);
        Assert.Equal(1, report.Summary.Unique);
    }
}
