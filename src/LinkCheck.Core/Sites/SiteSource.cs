using LinkCheck.Core.Model;

namespace LinkCheck.Core.Sites;

/// <summary>What a generator gets to build the model of one site.</summary>
/// <param name="Info">The site's root, configuration file, origin, and the base URL when the user gave one.</param>
/// <param name="RepositoryRoot">The repository root on disk (absolute).</param>
/// <param name="Files">Every file under the site's root (repository-relative paths, not ignored by git), in ordinal order.</param>
/// <param name="Now">The time of the run (Jekyll does not publish posts dated in the future).</param>
public sealed record SiteSource(SiteInfo Info, string RepositoryRoot, IReadOnlyList<string> Files, DateTimeOffset Now)
{
    /// <summary>
    /// The heads of the pages extraction read (<see cref="HeadOf"/> of the text it parsed), by repository path: what
    /// <see cref="ReadHead"/> answers without reading the file again.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Observed { get; init; }

    /// <summary>The files of the site by repository path, for existence checks.</summary>
    public IReadOnlySet<string> FileSet { get; } = new HashSet<string>(Files, StringComparer.Ordinal);

    /// <summary>The absolute path on disk of a repository path.</summary>
    public string FullPath(string repositoryPath) => Path.Combine(RepositoryRoot, repositoryPath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The text of a file (UTF-8), or null when it cannot be read.</summary>
    public string? ReadText(string repositoryPath)
    {
        try
        {
            return File.ReadAllText(FullPath(repositoryPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The most of a file's start that <see cref="ReadHead"/> reads (front matter longer than this is not read).</summary>
    public const int HeadChars = 16 * 1024;

    /// <summary>
    /// A file read once for two uses: its head (as <see cref="ReadHead"/> gives it) and, when its bytes contain the
    /// ASCII <paramref name="marker"/>, its whole text (else null). A model that needs whole files only for a rare
    /// syntax (DocFX's <c>[!INCLUDE</c>) reads each page once and decodes only those: reading and decoding every page
    /// again besides extraction was most of what such a model cost. Files with a UTF-16 byte order mark are always
    /// decoded whole (the marker's bytes differ there). Both are null when the file cannot be read.
    /// </summary>
    public (string? Head, string? Text) ReadHeadAndTextIfContains(string repositoryPath, string marker)
    {
        try
        {
            var bytes = File.ReadAllBytes(FullPath(repositoryPath));
            var utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            if (!utf16 && bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(marker)) < 0)
            {
                return (Head(reader), null);
            }

            var text = reader.ReadToEnd();
            return (text.Length > HeadChars ? text[..HeadChars] : text, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// The first part of a file, enough for its front matter (a generator reads front matter from thousands of
    /// pages; reading them whole would cost as much as extraction itself): what extraction observed of a markdown
    /// page (<see cref="Observed"/>), else read from the file.
    /// </summary>
    public string? ReadHead(string repositoryPath)
    {
        if (Observed is not null && Observed.TryGetValue(repositoryPath, out var observed))
        {
            return observed;
        }

        try
        {
            using var reader = new StreamReader(FullPath(repositoryPath), detectEncodingFromByteOrderMarks: true);
            return Head(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// What of a page's text a model may read from its head (<see cref="ReadHead"/>), kept small because extraction
    /// keeps it for every page until the model is built: its front matter. Every generator's front matter starts
    /// the file (after a byte order mark) with <c>---</c> (YAML), <c>+++</c> (TOML) or <c>{</c> (JSON), so a page
    /// that starts otherwise has none (empty). Fenced front matter is cut after the first line that is the opening
    /// fence again, which is at or after where every reader closes it (Jekyll also closes YAML at <c>...</c>, Hugo
    /// at any line starting with the fence); otherwise the head is what <see cref="ReadHead"/> reads from the file.
    /// </summary>
    public static string HeadOf(string text)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (text.Length <= start || text[start] is not ('-' or '+' or '{'))
        {
            return string.Empty;
        }

        // As Head reads a file: 4 KB, or up to HeadChars while fenced front matter is open.
        var length = Math.Min(FirstChars, text.Length - start);
        if (length == FirstChars && LeavesFrontMatterOpen(text.AsSpan(start, length)))
        {
            length = Math.Min(HeadChars, text.Length - start);
        }

        var fence = string.CompareOrdinal(text, start, "---", 0, 3) == 0 ? "---" : string.CompareOrdinal(text, start, "+++", 0, 3) == 0 ? "+++" : null;
        if (fence is not null)
        {
            var lineStart = text.IndexOf('\n', start, length) + 1;
            while (lineStart > 0 && lineStart < start + length)
            {
                var lineEnd = text.IndexOf('\n', lineStart, start + length - lineStart);
                var line = text.AsSpan(lineStart, (lineEnd < 0 ? start + length : lineEnd) - lineStart).TrimEnd(" \t\r");
                if (line.SequenceEqual(fence))
                {
                    length = (lineEnd < 0 ? start + length : lineEnd + 1) - start;
                    break;
                }

                lineStart = lineEnd + 1;
            }
        }

        return text.Substring(start, length);
    }

    private static string Head(StreamReader reader)
    {
        // Most files have no front matter or a short one: 4 KB answers, and only a longer one reads on.
        var buffer = new char[FirstChars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var head = new string(buffer, 0, read);
        if (read < buffer.Length || !LeavesFrontMatterOpen(head))
        {
            return head;
        }

        var rest = new char[HeadChars - read];
        var more = reader.ReadBlock(rest, 0, rest.Length);
        return head + new string(rest, 0, more);
    }

    /// <summary>How much of a file is read first: enough for most front matter.</summary>
    private const int FirstChars = 4096;

    /// <summary>True when <paramref name="first"/> (a file's first <see cref="FirstChars"/>) opens YAML front matter and does not close it.</summary>
    private static bool LeavesFrontMatterOpen(ReadOnlySpan<char> first) =>
        first.StartsWith("---", StringComparison.Ordinal) && first[3..].IndexOf("\n---", StringComparison.Ordinal) < 0 && first[3..].IndexOf("\n...", StringComparison.Ordinal) < 0;
}
