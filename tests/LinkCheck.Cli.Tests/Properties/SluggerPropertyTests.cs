using CsCheck;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Cli.Tests.Properties;

/// <summary>Properties of GitHub's heading ids that hold for any heading text.</summary>
public class SluggerPropertyTests
{
    [Fact]
    public void Slug_OfASlug_IsThatSlug() =>
        Gen.OneOf(Gen.String[0, 40], HostileText.Any, Gen.String[Gen.Char["İIΣσςAa -_.é\u0301\u202E1"], 0, 20]).Sample(text =>
        {
            var slug = GitHubSlugger.Slug(text);
            Assert.Equal(slug, GitHubSlugger.Slug(slug));
        }, iter: 1000, threads: 1);

    [Fact]
    public void Next_AnyHeadings_GivesEveryHeadingADistinctId() =>
        Gen.OneOf(Gen.String[Gen.Char["ab -1"], 0, 6], HostileText.Any).Array[1, 30].Sample(headings =>
        {
            var slugger = new GitHubSlugger();
            var ids = headings.Select(slugger.Next).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }, iter: 500, threads: 1);
}
