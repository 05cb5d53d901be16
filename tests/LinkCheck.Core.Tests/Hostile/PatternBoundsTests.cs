using LinkCheck.Core.Filtering;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Hostile;

/// <summary>Issue 9, point 5: exclude patterns are one lazily built matcher; a pattern that times out is reported, not taken as "no match".</summary>
public sealed class PatternBoundsTests
{
    private static LinkOccurrence Link(string url) => new(new SourceLocation("a.md", 1, 1, 2), url, "", LinkKind.Link);

    [Fact]
    public void Exclude_ManyPatterns_MatchAsBeforeWithTheFirstMatchingPatternAsTheReason()
    {
        var patterns = Enumerable.Range(0, 3000).Select(i => $"^https://host{i}\\.example/").Append("(?i)SECRET").Append("(a)\\1").ToList();
        var filter = LinkFilter.Create(patterns);

        Assert.Equal("excluded by --exclude '^https://host2999\\.example/'", filter.ExclusionReason(Link("https://host2999.example/x")));
        Assert.Equal("excluded by --exclude '(?i)SECRET'", filter.ExclusionReason(Link("https://other.example/secret")));
        Assert.Equal("excluded by --exclude '(a)\\1'", filter.ExclusionReason(Link("https://other.example/aa")));
        Assert.Null(filter.ExclusionReason(Link("https://other.example/")));
    }

    [Fact]
    public void Exclude_ThirtyThousandPatterns_AUrlRunsOnlyThePatternsWhoseRequiredTextItContains()
    {
        // Issue 9, point 5: every pattern ran on every URL (30,000 patterns: 8 to 17 ms a URL). The literal index
        // lets a URL reach only the patterns whose required characters it contains; counted, not timed.
        var patterns = Enumerable.Range(0, 30_000).Select(i => (i % 3) switch
        {
            0 => $"^https?://(www\\.)?site{i}\\.com/",
            1 => $"/docs/v{i}/",
            _ => $"(?i)token{i}=",
        }).ToList();
        var set = new PatternSet(patterns.Select(p => (p, p)), "exclude");

        for (var i = 0; i < 1_000; i++)
        {
            Assert.Null(set.FirstMatch($"https://other{i}.example.net/docs/page{i}.html?TOKEN=x"));
        }

        Assert.Equal(0, set.Built);
        Assert.Equal(@"(?i)token29999=", set.FirstMatch("https://a.example/?TOKEN29999=1"));
        Assert.Equal(@"^https?://(www\.)?site3\.com/", set.FirstMatch("https://www.site3.com/x"));
        Assert.Equal(2, set.Built);
    }

    [Fact]
    public void Exclude_PatternsWithoutARequiredLiteral_AreStillTriedOnEveryUrl()
    {
        var filter = LinkFilter.Create(["^https://a\\.example/|^https://b\\.example/", "(?x) c \\. example", "\\d{4}$", "^https://host1\\.example/"]);

        Assert.Equal("excluded by --exclude '^https://a\\.example/|^https://b\\.example/'", filter.ExclusionReason(Link("https://b.example/x")));
        Assert.Equal("excluded by --exclude '(?x) c \\. example'", filter.ExclusionReason(Link("https://c.example/")));
        Assert.Equal("excluded by --exclude '\\d{4}$'", filter.ExclusionReason(Link("https://host1.example/1234")));
        Assert.Equal("excluded by --exclude '^https://host1\\.example/'", filter.ExclusionReason(Link("https://host1.example/x")));
    }

    [Fact]
    public void Exclude_PatternWithAnExtendedModeComment_StillMatchesOnItsOwn()
    {
        var filter = LinkFilter.Create(["(?x) ^https://a\\.example/ # the docs host", "b\\.example"]);

        Assert.NotNull(filter.ExclusionReason(Link("https://a.example/page")));
        Assert.NotNull(filter.ExclusionReason(Link("https://b.example/page")));
        Assert.Null(filter.ExclusionReason(Link("https://c.example/page")));
    }

    [Fact]
    public void Exclude_BadPattern_IsStillAnErrorWhenGiven()
    {
        var error = Assert.Throws<LinkCheckConfigurationException>(() => LinkFilter.Create(["ok", "(unclosed"]));
        Assert.StartsWith("invalid exclude pattern '(unclosed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclude_PatternThatTimesOut_IsReportedUnusableAndNotTriedAgain()
    {
        // A backreference keeps the first branch on the backtracking engine; nested quantifiers make it exponential
        // on a run of a's. The second branch matches at once, which shows whether the pattern is still tried.
        const string Evil = "(a|aa)+\\1b$|/fast$";
        const string Reason = $"excluded by --exclude '{Evil}'";
        var slow = "https://x.example/" + new string('a', 40);
        Assert.Equal(Reason, LinkFilter.Create([Evil]).ExclusionReason(Link("https://x.example/fast")));
        var filter = LinkFilter.Create([Evil]);

        Assert.Null(filter.ExclusionReason(Link(slow)));
        Assert.Equal([Evil], filter.UnusablePatterns);

        // Set aside for the rest of the run: not tried again, so it matches nothing (and costs no second timeout),
        // and it stays reported. Tried again, it would exclude this URL.
        Assert.Null(filter.ExclusionReason(Link("https://x.example/fast")));
        Assert.Null(filter.ExclusionReason(Link(slow)));
        Assert.Equal([Evil], filter.UnusablePatterns);
    }
}
