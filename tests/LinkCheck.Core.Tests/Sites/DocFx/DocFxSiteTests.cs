using LinkCheck.Core.Model;
using LinkCheck.Core.Sites;

namespace LinkCheck.Core.Tests.Sites.DocFx;

/// <summary>What linkcheck says about the DocFX fixture's links (the real build is compared in <see cref="DocFxRealBuildTests"/>).</summary>
public class DocFxSiteTests
{
    [Theory]
    [InlineData("D04", LinkStatus.Warning, "docs/guide/setup.md differs only in case from docs/guide/Setup.md: Microsoft Learn serves it")]
    [InlineData("D05", LinkStatus.Broken, "no file docs/guide/nothing.md: DocFX leaves the link as written")]
    [InlineData("D06", LinkStatus.Ok, "docs/guide/old-setup.md was moved: .openpublishing.redirection.json redirects it to /fixture/articles/guide/Setup")]
    [InlineData("D11", LinkStatus.Broken, "no file guide/about.md")]
    [InlineData("D14", LinkStatus.Broken, "no page declares uid no.such.uid (DocFX leaves href=\"xref:no.such.uid\", a dead link)")]
    [InlineData("D15", LinkStatus.Broken, "uids are case-sensitive, and docs/guide/Setup.md declares guide.setup")]
    [InlineData("D17", LinkStatus.Skipped, "set base-url to check it as an external URL")]
    [InlineData("D24", LinkStatus.Broken, "no file docs/includes/guide/about.md")]
    [InlineData("D28", LinkStatus.Broken, "no heading or anchor #this---is-a--heading-_-with--and--")]
    [InlineData("D30", LinkStatus.Broken, "no heading or anchor #cafe--unicode--2024")]
    public async Task Check_LearnFixture_SaysWhatTheSiteDoes(string key, LinkStatus status, string message)
    {
        using var fixture = new SiteFixture("docfx");

        var report = await fixture.CheckAsync();

        var result = SiteFixture.Keyed(report, key);
        Assert.Equal(status, result.Status);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_XrefInAnotherCase_SuggestsTheDeclaredUid()
    {
        using var fixture = new SiteFixture("docfx");

        var report = await fixture.CheckAsync();

        var result = SiteFixture.Keyed(report, "D15");
        Assert.Equal("xref:guide.setup", result.Suggestion);
        Assert.True(result.Fixable);
    }

    [Fact]
    public async Task Check_IncludeDirective_IsAnIncludeNotALink()
    {
        using var fixture = new SiteFixture("docfx");

        var report = await fixture.CheckAsync();

        var include = Assert.Single(report.Results, r => r.Url == "includes/snippet.md");
        Assert.Equal(LinkStatus.Ok, include.Status);
    }

    [Fact]
    public async Task Check_CrossDocsetLinkWithBaseUrl_IsAnExternalUrl()
    {
        using var fixture = new SiteFixture("docfx");

        var report = await fixture.CheckAsync(o => o with { Sites = [new SiteOverride(".", "docfx", new Uri("https://learn.microsoft.com/en-us/fixture/"))] });

        var result = SiteFixture.Keyed(report, "D17");
        Assert.DoesNotContain("base-url", result.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(LinkStatus.Broken, result.Status);
    }

    [Fact]
    public async Task Check_XrefServiceConfigured_SkipsUnknownUids()
    {
        using var fixture = new SiteFixture("docfx");
        var config = Path.Combine(fixture.Root, ".openpublishing.publish.config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"build_output_subfolder\": \"fixture\"", "\"build_output_subfolder\": \"fixture\", \"xref_query_tags\": [\"/dotnet\"]", StringComparison.Ordinal));

        var report = await fixture.CheckAsync();

        var result = SiteFixture.Keyed(report, "D14");
        Assert.Equal(LinkStatus.Skipped, result.Status);
        Assert.Contains("Microsoft Learn's xref service", result.Message, StringComparison.Ordinal);
    }
}
