using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Changes;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Cli.Tests.GitHubActions;

public sealed class CheckRunAndChangesTests : FakeApiTestBase
{
    [Fact]
    public async Task CheckRun_120Annotations_AreSentIn3BatchesOf50()
    {
        var message = await new CheckRunPublisher(CreateApi()).PublishAsync(ReportWith(broken: 110, warnings: 10), Context, default);

        Assert.Equal("check run created with 120 annotations: https://github.com/octo/docs/runs/77", message);
        Assert.Equal(["POST", "PATCH", "PATCH"], Api.Requests.Where(r => r.Path.Contains("check-runs", StringComparison.Ordinal)).Select(r => r.Method));
        Assert.Equal([50, 50, 20], Api.CheckRunBodies.Select(b => b["output"]!["annotations"]!.AsArray().Count));
        var created = Api.CheckRunBodies[0];
        Assert.Equal("headsha1", created["head_sha"]!.GetValue<string>());
        Assert.Equal("failure", created["conclusion"]!.GetValue<string>());
        var annotation = created["output"]!["annotations"]![0]!;
        Assert.Equal("failure", annotation["annotation_level"]!.GetValue<string>());
        Assert.Equal(2, annotation["start_column"]!.GetValue<int>());
    }

    [Fact]
    public async Task PullRequestFiles_AreReadOverEveryPageWithRemovedHeadings()
    {
        Api.PullFiles[12] =
        [
            .. Enumerable.Range(1, 230).Select(i => ($"src/file{i}.cs", "modified", (string?)null, (string?)null)),
            ("docs/guide.md", "modified", null, "@@ -3,1 +3,1 @@\n-## Installing on *Linux*\n+## Installation\n"),
            ("docs/new-name.md", "renamed", "docs/old-name.md", null),
            ("docs/gone.md", "removed", null, "@@ -1 +0,0 @@\n-# Gone\n"),
        ];

        var changes = await ChangedFiles.FromPullRequestAsync(CreateApi(), "octo", "docs", 12, default);

        Assert.Equal(233, changes.Files.Count);
        Assert.Equal("pull request #12", changes.Source);
        Assert.Equal(["installing-on-linux"], changes.Files.Single(f => f.Path == "docs/guide.md").RemovedHeadings);
        Assert.Equal(new ChangedFile("docs/new-name.md", ChangeKind.Renamed, "docs/old-name.md", []), changes.Files.Single(f => f.Path == "docs/new-name.md") with { RemovedHeadings = [] });
        Assert.Equal(ChangeKind.Removed, changes.Files.Single(f => f.Path == "docs/gone.md").Kind);
        Assert.Equal(3, Api.Requests.Count(r => r.Path.EndsWith("/files", StringComparison.Ordinal)));
    }

    [Fact]
    public void GitDiff_NameStatusAndPatch_AreParsed()
    {
        const string NameStatus = "M\0docs/guide.md\0R087\0docs/old.md\0docs/new.md\0D\0docs/gone.md\0A\0docs/added.md\0";
        const string Patch = "diff --git a/docs/guide.md b/docs/guide.md\n--- a/docs/guide.md\n+++ b/docs/guide.md\n@@ -5 +5 @@\n-### Old `title`\n+### New title\n";

        var changes = ChangedFiles.FromGitDiff(NameStatus, Patch, "git diff main...");

        Assert.Equal(["docs/guide.md", "docs/new.md", "docs/gone.md", "docs/added.md"], changes.Files.Select(f => f.Path));
        Assert.Equal(["old-title"], changes.Files[0].RemovedHeadings);
        Assert.Equal("docs/old.md", changes.Files[1].PreviousPath);
    }

    [Fact]
    public void GitDiff_PathsGitQuotes_AreReadExactly()
    {
        // -z name-status carries paths as they are; the patch quotes them C-style (and ends one with a space by a tab).
        const string NameStatus = "M\0tab\there.md\0M\0new\nline.md\0M\0quo\"te.md\0M\0sp ace.md\0R100\0back\\slash.md\0\u00FCn\u00EF.md\0";
        const string Patch =
            "diff --git \"a/tab\\there.md\" \"b/tab\\there.md\"\n--- \"a/tab\\there.md\"\n+++ \"b/tab\\there.md\"\n@@ -1 +1 @@\n-## Tab\n+## X\n"
            + "diff --git \"a/new\\nline.md\" \"b/new\\nline.md\"\n--- \"a/new\\nline.md\"\n+++ \"b/new\\nline.md\"\n@@ -1 +1 @@\n-## Newline\n+## X\n"
            + "diff --git \"a/quo\\\"te.md\" \"b/quo\\\"te.md\"\n--- \"a/quo\\\"te.md\"\n+++ \"b/quo\\\"te.md\"\n@@ -1 +1 @@\n-## Quote\n+## X\n"
            + "diff --git a/sp ace.md b/sp ace.md\n--- a/sp ace.md\t\n+++ b/sp ace.md\t\n@@ -1 +1 @@\n-## Space\n+## X\n"
            + "diff --git \"a/back\\\\slash.md\" \"b/\\303\\274n\\303\\257.md\"\n--- \"a/back\\\\slash.md\"\n+++ \"b/\\303\\274n\\303\\257.md\"\n@@ -1 +1 @@\n-## Octal\n+## X\n";

        var changes = ChangedFiles.FromGitDiff(NameStatus, Patch, "git diff main...");

        Assert.Equal(["tab\there.md", "new\nline.md", "quo\"te.md", "sp ace.md", "\u00FCn\u00EF.md"], changes.Files.Select(f => f.Path));
        Assert.Equal(["back\\slash.md"], changes.Files.Select(f => f.PreviousPath).OfType<string>());
        Assert.Equal(["tab", "newline", "quote", "space", "octal"], changes.Files.Select(f => Assert.Single(f.RemovedHeadings!)));
    }

    [Fact]
    public void Selection_IncludesFilesLinkingToWhatChanged_WithTheReason()
    {
        static Core.Extraction.DocumentAnalysis Doc(string path, params string[] urls) =>
            new(new SourceDocument(path, "/r/" + path), [.. urls.Select(u => new LinkOccurrence(new SourceLocation(path, 1, 1, 1), u, "", LinkKind.Link))], Core.Extraction.AnchorIndex.Empty, 1, null);
        var changes = new ChangeSet(
        [
            new ChangedFile("docs/guide.md", ChangeKind.Modified, null, ["installing-on-linux"]),
            new ChangedFile("docs/new.md", ChangeKind.Renamed, "docs/old.md"),
            new ChangedFile("docs/gone.md", ChangeKind.Removed),
        ],
            "pull request #12");

        var selected = ChangeSelection.Select(
        [
            Doc("README.md", "docs/guide.md#installing-on-linux"),
            Doc("docs/guide.md"),
            Doc("docs/index.md", "old.md"),
            Doc("docs/new.md"),
            Doc("docs/other.md", "gone.md#x"),
            Doc("docs/untouched.md", "https://example.com", "index.md"),
            Doc("notes.md", "docs/guide.md"),
        ],
            changes);

        Assert.Equal(
        [
            new SelectedFile("README.md", "links to #installing-on-linux in docs/guide.md, a heading the change renames or removes"),
            new SelectedFile("docs/guide.md", "changed by pull request #12"),
            new SelectedFile("docs/index.md", "links to docs/old.md, which the change renames to docs/new.md"),
            new SelectedFile("docs/new.md", "renamed from docs/old.md by pull request #12"),
            new SelectedFile("docs/other.md", "links to docs/gone.md, which the change deletes"),
            new SelectedFile("notes.md", "links to docs/guide.md, which the change modifies"),
        ],
            selected);
    }
}
