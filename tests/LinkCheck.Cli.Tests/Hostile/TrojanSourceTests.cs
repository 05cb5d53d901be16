namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>Issue 9, point 8: bidirectional controls from the repository are shown as \u202E wherever they are echoed.</summary>
public sealed class TrojanSourceTests : HostileActionTestBase
{
    private const string Rlo = "\u202E";

    [Fact]
    public async Task Action_BidiControlsInFileNameAndLink_AreEscapedInCommentSummaryAndAnnotations()
    {
        Repo.Write($"docs/evil{Rlo}dm.md", $"[click{Rlo}me](missing{Rlo}\u2066.md)\n");

        var run = await RunActionAsync(new() { ["INPUT_PR-COMMENT"] = "true", ["INPUT_CHECK-RUN"] = "true" });

        Assert.Equal(1, run.ExitCode);
        var summary = await File.ReadAllTextAsync(Runner.PathOf("summary.md"));
        var comment = Assert.Single(Api.Comments[12]).Body;
        var checkRun = Api.CheckRunBodies.Select(b => b.ToJsonString()).ToList();
        foreach (var text in new[] { summary, comment })
        {
            Assert.DoesNotContain(Rlo, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u2066", text, StringComparison.Ordinal);
            Assert.Contains("\\u202E", text, StringComparison.Ordinal);
        }

        Assert.All(checkRun, body => Assert.DoesNotContain("missing\\u202E\\u2066.md", body, StringComparison.Ordinal));
        Assert.Contains(checkRun, body => body.Contains("missing\\\\u202E\\\\u2066.md", StringComparison.Ordinal));

        var annotation = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal) && l.Contains("missing", StringComparison.Ordinal));
        var message = annotation[(annotation.IndexOf("::", 2, StringComparison.Ordinal) + 2)..];
        Assert.DoesNotContain(Rlo, message, StringComparison.Ordinal);
        Assert.Contains("missing\\u202E\\u2066.md", message, StringComparison.Ordinal);
        Assert.Contains($"file=docs/evil{Rlo}dm.md", annotation, StringComparison.Ordinal);
    }
}
