using System.Text.Json;
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
    /// <summary>
    /// GitHub lists at most 3,000 files of a pull request
    /// (https://docs.github.com/rest/pulls/pulls#list-pull-requests-files): a list that long may be cut short.
    /// </summary>
    public const int MaxListedFiles = 3000;

    /// <summary>
    /// The files of pull request <paramref name="number"/> (every page). The answer is read strictly: a selection
    /// built from a proxy's HTML page, an empty body or an error object would check fewer files than the change
    /// touched and report "all links OK", so anything but GitHub's documented list is an error the caller turns into
    /// "check everything".
    /// </summary>
    /// <exception cref="InvalidDataException">The answer is not a complete list of files.</exception>
    public static async Task<ChangeSet> FromPullRequestAsync(GitHubApi api, string owner, string repository, int number, CancellationToken cancellationToken)
    {
        var changed = new List<ChangedFile>();
        Uri? next = ApiUrls.PullRequestFiles(owner, repository, number);
        var parameters = new Dictionary<string, string> { ["per_page"] = "100" };
        while (next is not null)
        {
            var url = next;
            var query = parameters;
            var response = await api.CallAsync(c => c.Connection.GetRaw(url, query), cancellationToken).ConfigureAwait(false);
            // Octokit keeps a JSON or text answer as a string in the raw response and anything else as bytes.
            ReadPage(response.HttpResponse?.Body switch
            {
                string text => System.Text.Encoding.UTF8.GetBytes(text),
                byte[] bytes => bytes,
                _ => response.Body,
            }, changed);
            if (changed.Count >= MaxListedFiles)
            {
                throw new InvalidDataException($"the pull request lists {MaxListedFiles} or more files, GitHub's limit for this list, so it may be incomplete");
            }

            // The next page's address carries its own query (Link header, RFC 8288).
            next = response.HttpResponse?.ApiInfo?.Links is { } links && links.TryGetValue("next", out var link) ? link : null;
            parameters = [];
        }

        return new ChangeSet(changed, $"pull request #{number}");
    }

    /// <summary>Reads one page of the pull request files API: a JSON array of objects with a <c>filename</c>.</summary>
    /// <exception cref="InvalidDataException">The page is anything else.</exception>
    public static void ReadPage(byte[]? body, List<ChangedFile> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (body is null || body.Length == 0)
        {
            throw new InvalidDataException("the pull request files API answered with an empty body");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new InvalidDataException("the pull request files API answered with something that is not JSON (a proxy's page?)");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"the pull request files API answered with a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not a list of files");
            }

            foreach (var file in document.RootElement.EnumerateArray())
            {
                if (file.ValueKind != JsonValueKind.Object || Text(file, "filename") is not { Length: > 0 } name)
                {
                    throw new InvalidDataException("the pull request files API answered with an entry that has no file name");
                }

                into.Add(new ChangedFile(
                    name,
                    Text(file, "status") switch
                    {
                        "added" => ChangeKind.Added,
                        "removed" => ChangeKind.Removed,
                        "renamed" => ChangeKind.Renamed,
                        _ => ChangeKind.Modified,
                    },
                    Text(file, "previous_filename") is { Length: > 0 } previous ? previous : null,
                    RemovedHeadings(Text(file, "patch"))));
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Reads <c>git diff --name-status -z -M REF...</c> output and, optionally, <c>git diff -U0 REF...</c> output for
    /// the headings (markdown files only). With <c>-z</c> git writes every path as it is, each field ended by a NUL
    /// (git-diff(1), "-z"); without it, a path with a tab, a newline, a double quote or a backslash comes C-quoted
    /// (<c>"tab\there.md"</c>) and would name no file.
    /// </summary>
    public static ChangeSet FromGitDiff(string nameStatus, string? patch, string source)
    {
        ArgumentNullException.ThrowIfNull(nameStatus);
        var patches = SplitPatches(patch ?? string.Empty);
        var files = new List<ChangedFile>();
        var fields = nameStatus.Split('\0');
        var i = 0;
        while (i < fields.Length)
        {
            var status = fields[i++];
            if (status.Length == 0)
            {
                continue;
            }

            // A rename or a copy has two paths (source, then destination), every other status one.
            var paths = status[0] is 'R' or 'C' ? 2 : 1;
            if (i + paths > fields.Length)
            {
                break;
            }

            var (kind, path, previous) = status[0] switch
            {
                'A' => (ChangeKind.Added, fields[i], (string?)null),
                'C' => (ChangeKind.Added, fields[i + 1], (string?)null),
                'D' => (ChangeKind.Removed, fields[i], null),
                'R' => (ChangeKind.Renamed, fields[i + 1], fields[i]),
                _ => (ChangeKind.Modified, fields[i], null),
            };
            i += paths;
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

            if (line.StartsWith("--- ", StringComparison.Ordinal) && PatchPath(line[4..], "a/") is { } removedFrom)
            {
                current = removedFrom;
            }
            else if (current is null && line.StartsWith("+++ ", StringComparison.Ordinal) && PatchPath(line[4..], "b/") is { } addedTo)
            {
                current = addedTo;
            }

            builder.Append(line).Append('\n');
        }

        if (current is not null)
        {
            result[current] = builder.ToString();
        }

        return result;
    }

    /// <summary>
    /// The path on a <c>---</c> or <c>+++</c> line of a patch, without its <c>a/</c> or <c>b/</c> prefix; null for
    /// <c>/dev/null</c>. Git writes a path with a tab, a newline, a double quote or a backslash C-quoted, prefix
    /// included (<c>"a/tab\there.md"</c>, git's quote.c <c>quote_c_style</c>), and ends a path that holds a space
    /// with a tab (diff.c, so patch tools find its end).
    /// </summary>
    private static string? PatchPath(string text, string prefix)
    {
        text = text.TrimEnd('\r');
        var path = text.StartsWith('"') ? UnquoteC(text) : text.EndsWith('\t') ? text[..^1] : text;
        return path is not null && path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : null;
    }

    /// <summary>Git's C-style quoting undone (quote.c <c>unquote_c_style</c>): escapes and octal bytes, read as UTF-8.</summary>
    private static string? UnquoteC(string quoted)
    {
        var bytes = new List<byte>();
        for (var i = 1; i < quoted.Length; i++)
        {
            var c = quoted[i];
            if (c == '"')
            {
                return System.Text.Encoding.UTF8.GetString([.. bytes]);
            }

            if (c != '\\')
            {
                var pair = char.IsHighSurrogate(c) && i + 1 < quoted.Length && char.IsLowSurrogate(quoted[i + 1]) ? 2 : 1;
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(quoted.ToCharArray(i, pair)));
                i += pair - 1;
                continue;
            }

            if (++i >= quoted.Length)
            {
                return null;
            }

            switch (quoted[i])
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case var digit when digit is >= '0' and <= '3' && i + 2 < quoted.Length:
                    bytes.Add((byte)(((digit - '0') << 6) | ((quoted[i + 1] - '0') << 3) | (quoted[i + 2] - '0')));
                    i += 2;
                    break;
                default: bytes.Add((byte)quoted[i]); break; // \" and \\
            }
        }

        return null;
    }

    // A removed line holding an ATX heading (CommonMark §4.2): up to three spaces, one to six '#', a space.
    [GeneratedRegex(@"^- {0,3}#{1,6}[ \t]+\S", RegexOptions.CultureInvariant)]
    private static partial Regex RemovedHeading();
}
