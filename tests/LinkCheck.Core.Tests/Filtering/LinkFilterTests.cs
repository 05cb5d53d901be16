using LinkCheck.Core.Filtering;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Filtering;

/// <summary>Filters decide on the URL text alone: nothing here touches the network.</summary>
public class LinkFilterTests
{
    private static LinkOccurrence Link(string url) => new(new SourceLocation("a.md", 1, 1, 1), url, "", LinkKind.Link);

    [Theory]
    [InlineData("http://10.1.2.3/intranet", "private address, excluded by --exclude-private")]
    [InlineData("https://172.20.0.5:8443/x", "private address, excluded by --exclude-private")]
    [InlineData("http://192.168.1.1/", "private address, excluded by --exclude-private")]
    [InlineData("http://169.254.169.254/latest/meta-data", "private address, excluded by --exclude-private")]
    [InlineData("http://[fd12:3456::1]/", "private address, excluded by --exclude-private")]
    [InlineData("http://[fe80::1]/", "private address, excluded by --exclude-private")]
    [InlineData("http://127.0.0.1:8080/", "loopback address, excluded by --exclude-loopback")]
    [InlineData("http://localhost:3000/", "loopback address, excluded by --exclude-loopback")]
    [InlineData("http://[::1]/", "loopback address, excluded by --exclude-loopback")]
    [InlineData("https://172.32.0.1/", null)]
    [InlineData("https://example.com/10.0.0.1", null)]
    [InlineData("docs/10.0.0.1.md", null)]
    public void ExclusionReason_PrivateAndLoopbackHosts(string url, string? reason) =>
        Assert.Equal(reason, LinkFilter.Create([], excludePrivate: true, excludeLoopback: true).ExclusionReason(Link(url)));

    [Fact]
    public void ExclusionReason_IncludeWinsOverExclude()
    {
        var filter = LinkFilter.Create(["example"], ["^https://example\\.com/keep"]);
        Assert.Null(filter.ExclusionReason(Link("https://example.com/keep/this")));
        Assert.Equal("not matched by any --include pattern", filter.ExclusionReason(Link("https://example.com/drop")));
    }

    [Fact]
    public void Create_BadPattern_IsAConfigurationError()
    {
        var error = Assert.Throws<LinkCheckConfigurationException>(() => LinkFilter.Create([], ["(unclosed"]));
        Assert.StartsWith("invalid include pattern '(unclosed'", error.Message, StringComparison.Ordinal);
    }
}
