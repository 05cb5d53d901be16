using LinkCheck.Core.Resolution;

namespace LinkCheck.Core.Tests.Hostile;

/// <summary>Issue 9, points 4 and 7: host patterns with ports parse, and errors never show the header's value.</summary>
public sealed class HostHeaderParsingTests
{
    [Theory]
    [InlineData("127.0.0.1:38090: X-Secret: s3", "127.0.0.1:38090", "X-Secret", "s3")]
    [InlineData("api.example.com: Authorization: Bearer a:b", "api.example.com", "Authorization", "Bearer a:b")]
    [InlineData("api.example.com:8443: Authorization: Basic dTpw", "api.example.com:8443", "Authorization", "Basic dTpw")]
    [InlineData("[::1]:8080: X-Key: v", "[::1]:8080", "X-Key", "v")]
    [InlineData("[::1]: X-Key: v", "[::1]", "X-Key", "v")]
    [InlineData("example.com: X-Time: 12:30", "example.com", "X-Time", "12:30")]
    public void Parse_HostWithOrWithoutPort_SplitsHostNameAndValue(string text, string host, string name, string value)
    {
        Assert.Equal(new HostHeader(host, name, value), HostHeader.Parse(text));
    }

    [Theory]
    [InlineData("example.com: Authorization: Bearer S3CRET\u0007")]
    [InlineData("example.com: Authorization: Bearer S3CRET\rX-Injected: 1")]
    [InlineData("example.com Authorization Bearer S3CRET")]
    [InlineData("example.com: Bad Name: S3CRET")]
    public void Parse_BadHeader_MessageNeverShowsTheValue(string text)
    {
        var error = Assert.Throws<LinkCheckConfigurationException>(() => HostHeader.Parse(text));
        Assert.DoesNotContain("S3CRET", error.Message, StringComparison.Ordinal);
    }
}
