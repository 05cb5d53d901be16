using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Fixing;
using LinkCheck.Core.Model;

namespace LinkCheck.Cli.Tests.GitHubActions;

public sealed class FixSuggestionsTests : FakeApiTestBase
{
    [Fact]
    public void DiffPositions_CountFromTheFirstHunkAndSkipRemovedLines()
    {
        const string patch = "@@ -1,3 +1,3 @@\n # Title\n-old line\n+new line\n context\n@@ -20,2 +20,3 @@\n keep\n+added\n\\ No newline at end of file\n";
        var positions = DiffPositions.Parse(patch);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 3, [3] = 4, [20] = 6, [21] = 7 }, positions);
    }

    [Fact]
    public void DiffPositions_NoPatch_HasNoLines()
    {
        Assert.Empty(DiffPositions.Parse(null));
        Assert.Empty(DiffPositions.Parse("Binary files differ"));
    }

    private static FixPlan PlanFor(params (string Path, int Line, string Before, string After, string Message)[] changes) =>
        new([.. changes.GroupBy(c => c.Path).Select(g => new FilePatch(g.Key, [.. Enumerable.Range(1, 40).Select(i => $"line {i}")], [.. g.Select(c =>
        {
            var result = LinkResult.For(new LinkOccurrence(new SourceLocation(c.Path, c.Line, 5, 10), "old", "", LinkKind.Link), LinkStatus.Warning, c.Message, "new", FindingCode.PermanentRedirect) with { Fixable = true };
            return new LineChange(c.Line, c.Before, c.After, [new LinkFix(result.Location, "old", "new", result)]);
        })]))], []);

    [Fact]
    public async Task Publish_FixesOnDiffLines_BecomeOneReviewWithSuggestions_OthersComeBack()
    {
        Api.PullFiles[12] = [("docs/a.md", "modified", null, "@@ -1,2 +1,2 @@\n intro\n-[x](old)\n+[x](old) more\n")];
        var plan = PlanFor(("docs/a.md", 2, "[x](old) more", "[x](new) more", "permanently moved to https://example.com/new"), ("docs/a.md", 30, "[y](old)", "[y](new)", "moved"), ("docs/b.md", 1, "[z](old)", "[z](new)", "moved"));

        var (elsewhere, message) = await new FixSuggestions(CreateApi()).PublishAsync(plan, Context, default);

        Assert.Equal(["docs/a.md:30", "docs/b.md:1"], elsewhere.Select(e => $"{e.Path}:{e.Change.Line}"));
        Assert.Equal("suggested 1 fix in a pull request review; 2 outside the diff are listed in the comment", message);
        var review = Assert.Single(Api.ReviewBodies);
        Assert.Equal(("headsha1", "COMMENT"), (review["commit_id"]!.GetValue<string>(), review["event"]!.GetValue<string>()));
        var comment = Assert.Single(Api.ReviewComments[12]);
        Assert.Equal(("docs/a.md", 3), (comment.Path, comment.Position));
        Assert.Equal($"{FixSuggestions.Marker}\n**linkcheck**: permanently moved to https://example.com/new (`permanent-redirect`)\n\n```suggestion\n[x](new) more\n```\n", comment.Body);
    }

    [Fact]
    public async Task Publish_AgainWithTheSameFixes_PostsNothingNew()
    {
        Api.PullFiles[12] = [("docs/a.md", "modified", null, "@@ -1 +1 @@\n-[x](old)\n+[x](old) \n")];
        var plan = PlanFor(("docs/a.md", 1, "[x](old) ", "[x](new) ", "moved"));
        var suggestions = new FixSuggestions(CreateApi());

        await suggestions.PublishAsync(plan, Context, default);
        var (_, message) = await suggestions.PublishAsync(plan, Context, default);

        Assert.Single(Api.ReviewBodies);
        Assert.Equal("suggested 0 fixes in a pull request review (1 already suggested)", message);
    }

    [Fact]
    public async Task Publish_ForkToken_ReturnsEveryFixForTheComment()
    {
        Api.ForbidComments = true;
        Api.PullFiles[12] = [("docs/a.md", "modified", null, "@@ -1 +1 @@\n-a\n+b\n")];
        var plan = PlanFor(("docs/a.md", 1, "b", "c", "moved"));

        var (elsewhere, message) = await new FixSuggestions(CreateApi()).PublishAsync(plan, Context, default);

        Assert.Single(elsewhere);
        Assert.StartsWith("cannot post suggested changes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_LineWithBackticks_GetsALongerFence()
    {
        var plan = PlanFor(("a.md", 1, "x", "Run ```` `cmd` ```` then [x](new)", "moved"));
        var body = FixSuggestions.Body(plan.Files[0].Changes[0]);
        Assert.Contains("\n`````suggestion\nRun ```` `cmd` ```` then [x](new)\n`````\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_MessageFromTheRepository_IsEscaped()
    {
        var plan = PlanFor(("a.md", 1, "x", "y", "moved to <img src=x onerror=alert(1)> @everyone"));
        var body = FixSuggestions.Body(plan.Files[0].Changes[0]);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
    }
}
