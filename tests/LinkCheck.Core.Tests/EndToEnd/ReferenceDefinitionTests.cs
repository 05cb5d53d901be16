using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.EndToEnd;

/// <summary>Reference definitions: only the ones GitHub renders can fail a run, and findings name the definition.</summary>
public sealed class ReferenceDefinitionTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public ReferenceDefinitionTests() => _repo.InitGit();

    public void Dispose() => _repo.Dispose();

    private async Task<CheckReport> CheckAsync(string markdown)
    {
        _repo.Write("doc.md", markdown);
        return await new LinkChecker().CheckAsync(new LinkCheckOptions { RootDirectory = _repo.Root, Offline = true });
    }

    [Fact]
    public async Task UnusedDefinitionWithABrokenTarget_IsAWarningNotAFailure()
    {
        var report = await CheckAsync("# Doc\n\n[spare]: missing.md\n");

        var result = Assert.Single(report.Results);
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Equal(FindingCode.UnusedDefinition, result.Code);
        Assert.Equal("file not found: missing.md (in a definition no link uses, so it is never rendered)", result.Message);
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task ShadowedDefinitionWithABrokenTarget_IsAWarningNotAFailure()
    {
        var report = await CheckAsync("# Doc\n\nSee [tim].\n\n[Tim]: #doc\n[TIM]: missing.md\n");

        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "#doc").Status);
        var shadowed = report.Results.Single(r => r.Url == "missing.md");
        Assert.Equal(LinkStatus.Warning, shadowed.Status);
        Assert.Equal(FindingCode.ShadowedDefinition, shadowed.Code);
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task BrokenReferenceLink_NamesTheDefinitionsLine()
    {
        var report = await CheckAsync("# Doc\n\nSee [the guide][Tim].\n\n\n[Tim]: guide.md\n");

        var result = Assert.Single(report.Results);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(3, result.Location.Line);
        Assert.Equal("file not found: guide.md ([Tim] is defined at line 6 as guide.md)", result.Message);
        Assert.True(report.HasFailures);
    }
}
