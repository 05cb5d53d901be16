using System.Text.RegularExpressions;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Resolution.GitHub;
using Markdig;
using Markdig.Syntax;
using Octokit;

namespace LinkCheck.Core.Changes;

/// <summary>
/// Lists what a change touched: from the pull request files API (paged, through Octokit) in the action, or from
/// <c>git diff</c> output locally. Removed or renamed headings are read from the diffs' removed lines, so links
/// to a heading that no longer exists are caught in files the change never touched.
/// </summary>
public static partial class ChangedFiles
{
    /// <summary>The files of pull request <paramref name="number"/> (every page).</summary>
    public static async Task<ChangeSet> FromPullRequestAsync(GitHubApi api, string owner, string repository, int number, CancellationToken cancellationToken)
    {
        var files = await api.CallAsync(c => c.PullRequest.Files(owner, repository, number, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
        var changed = files.Select(f => new ChangedFile(
            f.FileName,
            f.Status switch
            {
                "added" => ChangeKind.Added,
                "removed" => ChangeKind.Removed,
                "renamed" => ChangeKind.Renamed,
                _ => ChangeKind.Modified,
            },
            string.IsNullOrEmpty(f.PreviousFileName) ? null : f.PreviousFileName,
            RemovedHeadings(f.Patch))).ToList();
        return new ChangeSet(changed, $"pull request #{number}");
    }

    /// <summary>
    /// Reads <c>git diff --name-status -M REF...</c> output and, optionally, <c>git diff -U0 REF...</c> output for
    /// the headings (markdown files only).
    /// </summary>
    public static ChangeSet FromGitDiff(string nameStatus, string? patch, string source)
    {
        var patches = SplitPatches(patch ?? string.Empty);
        var files = new List<ChangedFile>();
        foreach (var line in nameStatus.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0)
            {
                continue;
            }

            var (kind, path, previous) = parts[0][0] switch
            {
                'A' or 'C' => (ChangeKind.Added, parts[^1], (string?)null),
                'D' => (ChangeKind.Removed, parts[1], null),
                'R' when parts.Length >= 3 => (ChangeKind.Renamed, parts[2], parts[1]),
                _ => (ChangeKind.Modified, parts[^1], null),
            };
            files.Add(new ChangedFile(path, kind, previous, RemovedHeadings(patches.GetValueOrDefault(previous ?? path))));
        }

        return new ChangeSet(files, source);
    }

    /// <summary>The slugs of ATX headings on the removed lines of a unified diff.</summary>
    public static IReadOnlyList<string> RemovedHeadings(string? patch)
    {
        if (string.IsNullOrEmpty(patch))
        {
            return [];
        }

        var slugs = new List<string>();
        foreach (var line in patch.Split('\n'))
        {
            if (line.StartsWith("---", StringComparison.Ordinal) || !RemovedHeading().IsMatch(line))
            {
                continue;
            }

            // Parse the heading as markdown, so emphasis, code and entities give GitHub's exact id.
            var document = Markdown.Parse(line[1..], MarkdownPipelineFactory.Shared);
            if (document.FirstOrDefault() is HeadingBlock heading)
            {
                slugs.Add(GitHubSlugger.Slug(InlineText.Of(heading.Inline)));
            }
        }

        return slugs;
    }

    private static Dictionary<string, string> SplitPatches(string patch)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var builder = new System.Text.StringBuilder();
        foreach (var line in patch.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    result[current] = builder.ToString();
                }

                builder.Clear();
                current = null;
                continue;
            }

            if (line.StartsWith("--- a/", StringComparison.Ordinal))
            {
                current = line[6..].TrimEnd('\r');
            }
            else if (current is null && line.StartsWith("+++ b/", StringComparison.Ordinal))
            {
                current = line[6..].TrimEnd('\r');
            }

            builder.Append(line).Append('\n');
        }

        if (current is not null)
        {
            result[current] = builder.ToString();
        }

        return result;
    }

    // A removed line holding an ATX heading (CommonMark §4.2): up to three spaces, one to six '#', a space.
    [GeneratedRegex(@"^- {0,3}#{1,6}[ \t]+\S", RegexOptions.CultureInvariant)]
    private static partial Regex RemovedHeading();
}
