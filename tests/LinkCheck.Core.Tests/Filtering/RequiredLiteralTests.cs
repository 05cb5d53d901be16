using System.Text.RegularExpressions;
using CsCheck;
using LinkCheck.Core.Filtering;

namespace LinkCheck.Core.Tests.Filtering;

/// <summary>The characters a pattern requires: what lets a URL skip the exclude patterns it cannot match.</summary>
public class RequiredLiteralTests
{
    [Theory]
    [InlineData(@"^https://host12\.example/", "https://host12.example/", false)]
    [InlineData(@"^https?://(www\.)?docs\.example\.com/", "docs.example.com/", false)]
    [InlineData(@"colou?r-chart", "r-chart", false)]
    [InlineData(@"(?i)Token=\d+", "token=", true)]
    [InlineData(@"a(?i)BCD", "bcd", true)]
    [InlineData(@"\x41bc{2}defg", "defg", false)]
    [InlineData(@"x+yz", "yz", false)]
    [InlineData(@"[abc]def\.{0,1}g", "def", false)]
    [InlineData(@"\p{L}+/wiki/", "/wiki/", false)]
    [InlineData(@"literal{brace}", "literal{brace}", false)]
    public void Of_Pattern_IsTheLongestRunEveryMatchContains(string pattern, string text, bool ignoreCase) =>
        Assert.Equal(new RequiredLiteral(text, ignoreCase), RequiredLiteral.Of(pattern));

    [Theory]
    [InlineData(@"^https://a\.example/|^https://b\.example/")]
    [InlineData(@"(?x) ^https://a\.example/ # the docs")]
    [InlineData(@"abc(?#comment)def")]
    [InlineData(@"\d+")]
    public void Of_PatternWithoutAPlainRequiredRun_IsNone(string pattern) =>
        Assert.Null(RequiredLiteral.Of(pattern));

    [Fact]
    public void Of_AnyPattern_EveryMatchContainsTheLiteral()
    {
        // Patterns assembled from pieces of .NET's syntax that could fool a scan; strings over the same characters,
        // so many of them match. Whenever the real regex matches, the literal must be in the string.
        string[] atoms = ["a", "b", "A", "ab", @"\.", ".", "-", "[ab]", "[^a]", "[]a]", "(a|b)", "(?:ab)", "(?i:a)", @"\d", @"\x61", "(a)\\1",
            "{", "}", "{1", @"\b", "^", "$", "(?i)", "(?-i)", "|", " ", "#", @"\(", "(?=a)", "(?!b)", "(?<n>a)", @"\k<n>", "(?x)", "(?x: a b)", "(?#c)", "(?n)", "\n", "(?m)"];
        string[] quantifiers = ["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "+?", "{0}"];
        var pieces = Gen.Select(Gen.Int[0, atoms.Length - 1], Gen.Int[0, quantifiers.Length - 1], (atom, quantifier) => atoms[atom] + quantifiers[quantifier]);
        var patterns = pieces.Array[1, 8].Select(p => string.Concat(p));
        var inputs = Gen.String[Gen.Char["abA.-1 #{}(\n"], 0, 12].Array[30];
        Gen.Select(patterns, inputs).Sample((pattern, strings) =>
        {
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                return;
            }

            if (RequiredLiteral.Of(pattern) is not { } literal)
            {
                return;
            }

            foreach (var text in strings.Where(s => regex.IsMatch(s)))
            {
                Assert.True((literal.IgnoreCase ? text.ToLowerInvariant() : text).Contains(literal.Text, StringComparison.Ordinal), $"/{pattern}/ matches '{text}', which lacks '{literal.Text}'");
            }
        }, iter: 20_000, threads: 1);
    }
}
