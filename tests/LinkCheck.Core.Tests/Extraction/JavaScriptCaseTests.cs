using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Tests.Extraction;

public class JavaScriptCaseTests
{
    [Theory]
    [InlineData("HELLO World", "hello world")]
    [InlineData("İ", "i\u0307")]
    [InlineData("ΣΑΣ", "σας")]
    [InlineData("ΣΑΣ'", "σας'")]
    [InlineData("ΑΣΑ", "ασα")]
    [InlineData("𐐀 Deseret", "𐐨 deseret")]
    [InlineData("ǅ", "ǆ")]
    public void ToLower_MatchesJavaScriptFullCaseMapping(string input, string expected) =>
        Assert.Equal(expected, JavaScriptCase.ToLower(input));

    [Fact]
    public void ToLower_LoneSurrogate_IsKept() =>
        Assert.Equal("a\uD800b", JavaScriptCase.ToLower("A\uD800B"));
}
