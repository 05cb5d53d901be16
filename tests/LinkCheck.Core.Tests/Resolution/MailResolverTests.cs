using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Core.Tests.Resolution;

public class MailResolverTests
{
    [Theory]
    [InlineData("mailto:team@example.com", LinkStatus.Ok)]
    [InlineData("mailto:a@example.com,b@example.org?subject=Hi%20there", LinkStatus.Ok)]
    [InlineData("mailto:first.last+tag@sub.example.co.uk", LinkStatus.Ok)]
    [InlineData("mailto:?to=a@example.com&subject=x", LinkStatus.Ok)]
    [InlineData("mailto:", LinkStatus.Broken)]
    [InlineData("mailto:not-an-address", LinkStatus.Broken)]
    [InlineData("mailto:a@", LinkStatus.Broken)]
    [InlineData("mailto:a b@example.com", LinkStatus.Broken)]
    public void Check_ValidatesSyntaxOnly(string url, LinkStatus status) =>
        Assert.Equal(status, MailResolver.Check(url).Status);
}
