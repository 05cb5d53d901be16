using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Tests.Planning;

public class LinkPlannerTests
{
    private static LinkOccurrence At(string file, int line, string url) => new(new SourceLocation(file, line, 1, 1), url, "", LinkKind.Link);

    [Fact]
    public void Plan_NoLinks_IsEmpty()
    {
        Assert.Empty(LinkPlanner.Plan([], parallelism: 4));
    }

    [Fact]
    public void Plan_SameTargetFromManyFiles_IsCheckedOnce()
    {
        var plan = LinkPlanner.Plan(
        [
            At("README.md", 1, "docs/setup.md"),
            At("docs/guide.md", 2, "setup.md"),
            At("docs/a/b.md", 3, "../setup.md"),
            At("README.md", 4, "https://example.com/#one"),
            At("docs/guide.md", 5, "https://example.com/#two"),
        ]);

        Assert.Equal(2, plan.Count);
        Assert.Equal("docs/setup.md", plan[0].Target.Key);
        Assert.Equal(3, plan[0].Occurrences.Count);
        Assert.Equal("https://example.com/", plan[1].Target.Key);
        Assert.Equal(2, plan[1].Occurrences.Count);
    }
}
