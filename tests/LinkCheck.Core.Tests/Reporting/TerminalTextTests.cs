using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;

namespace LinkCheck.Core.Tests.Reporting;

public class TerminalTextTests
{
    [Theory]
    [InlineData("docs/ünïcode 日本.md", "docs/ünïcode 日本.md")]
    [InlineData("tab\there", @"tab\u{9}here")]
    [InlineData("new\nline", @"new\u{A}line")]
    [InlineData("\u009B31m", @"\u{9B}31m")]
    [InlineData("a\u2066b\u2069c\u200Fd", @"a\u{2066}b\u{2069}c\u{200F}d")]
    public void Escape_ShowsControlAndBidiCharactersVisibly(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(input));
}
