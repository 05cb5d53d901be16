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

    [Fact]
    public async Task Resolve_CaseMismatch_IsBrokenAndNamesTheRealFile()
    {
        Repo.Write("docs/Setup.md", "# Setup");
        Repo.Write("README.md", "[setup](docs/setup.md)");

        var result = await ResultForAsync("docs/setup.md");

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Contains("docs/Setup.md", result.Message);
        Assert.Equal("docs/Setup.md", result.Suggestion);
    }

    [Fact]
    public async Task Resolve_CaseMismatchInDirectory_SuggestsTheWholeRealPath()
    {
        Repo.Write("Docs/Guide/intro.md", "x");
        Repo.Write("docs/readme.md", "[i](../docs/guide/intro.md)");
        var result = await ResultForAsync("../docs/guide/intro.md");
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("../Docs/Guide/intro.md", result.Suggestion);
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
    public async Task Resolve_MissingFile_SuggestsTypoFixInSameDirectory()
    {
        Repo.Write("docs/installation.md", "x");
        Repo.Write("docs/index.md", "[i](instalation.md)");
        var result = await ResultForAsync("instalation.md");
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("file not found: docs/instalation.md", result.Message);
        Assert.Equal("installation.md", result.Suggestion);
    }

    [Fact]
    public async Task Resolve_MissingExtension_SuggestsTheMarkdownFile()
    {
        Repo.Write("docs/setup.md", "x");
        Repo.Write("docs/index.md", "[s](./setup)");
        Assert.Equal("./setup.md", (await ResultForAsync("./setup")).Suggestion);
    }

    [Fact]
    public async Task Resolve_MovedFile_SuggestsItsNewPlaceRelativeToTheLink()
    {
        Repo.Write("guides/advanced/tuning.md", "x");
        Repo.Write("docs/index.md", "[t](tuning.md#cache)");
        var result = await ResultForAsync("tuning.md#cache");
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("../guides/advanced/tuning.md#cache", result.Suggestion);
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
