using LinkCheck.Core.Filtering;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Hostile;

/// <summary>Issue 9, point 9: "localhost." (an absolute domain name) is localhost.</summary>
public sealed class LoopbackTrailingDotTests
{
    private static LinkOccurrence Link(string url) => new(new SourceLocation("a.md", 1, 1, 2), url, "", LinkKind.Link);

    [Theory]
    [InlineData("http://localhost./admin")]
    [InlineData("http://LOCALHOST.:8080/")]
    [InlineData("https://app.localhost./")]
    public void ExclusionReason_LocalhostWithTrailingDot_IsLoopback(string url) =>
        Assert.Equal("loopback address, excluded by --exclude-loopback", LinkFilter.Create([], excludeLoopback: true).ExclusionReason(Link(url)));

    [Fact]
    public void ExclusionReason_OtherHostWithTrailingDot_IsNotLoopback() =>
        Assert.Null(LinkFilter.Create([], excludeLoopback: true).ExclusionReason(Link("https://example.com./")));
}
