using LinkCheck.Core.Model;

namespace LinkCheck.Core.Sites;

/// <summary>What a generator gets to build the model of one site.</summary>
/// <param name="Info">The site's root, configuration file, origin, and the base URL when the user gave one.</param>
/// <param name="RepositoryRoot">The repository root on disk (absolute).</param>
/// <param name="Files">Every file under the site's root (repository-relative paths, not ignored by git), in ordinal order.</param>
/// <param name="Now">The time of the run (Jekyll does not publish posts dated in the future).</param>
public sealed record SiteSource(SiteInfo Info, string RepositoryRoot, IReadOnlyList<string> Files, DateTimeOffset Now)
{
    /// <summary>The files of the site by repository path, for existence checks.</summary>
    public IReadOnlySet<string> FileSet { get; } = new HashSet<string>(Files, StringComparer.Ordinal);

    // Heads of files read whole by ReadTextIfContains, handed once to ReadHead: one read per file. What a model does
    // not take is dropped with the source when the model is built (no model keeps its SiteSource).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _heads = new(StringComparer.Ordinal);

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
    /// The text of a file when its bytes contain the ASCII <paramref name="marker"/>, else null (also when it cannot
    /// be read). A model that needs whole files only for a rare syntax (DocFX's <c>[!INCLUDE</c>) skips decoding the
    /// others: decoding every page twice, once here and once at extraction, was most of what such a model cost.
    /// Files with a UTF-16 byte order mark are always decoded (the marker's bytes differ there).
    /// </summary>
    public string? ReadTextIfContains(string repositoryPath, string marker)
    {
        try
        {
            var bytes = File.ReadAllBytes(FullPath(repositoryPath));
            var utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
            using (var head = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true))
            {
                _heads[repositoryPath] = Head(head, HeadChars);
            }

            if (!utf16 && bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(marker)) < 0)
            {
                return null;
            }

            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The first part of a file, enough for its front matter (a generator reads front matter from thousands of
    /// pages; reading them whole would cost as much as extraction itself).
    /// </summary>
    public string? ReadHead(string repositoryPath, int maxChars = HeadChars)
    {
        if (_heads.TryRemove(repositoryPath, out var scanned))
        {
            return scanned.Length > maxChars ? scanned[..maxChars] : scanned;
        }

        try
        {
            using var reader = new StreamReader(FullPath(repositoryPath), detectEncodingFromByteOrderMarks: true);
            return Head(reader, maxChars);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Head(StreamReader reader, int maxChars)
    {
        // Most files have no front matter or a short one: 4 KB answers, and only a longer one reads on.
        var buffer = new char[Math.Min(4096, maxChars)];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var head = new string(buffer, 0, read);
        if (read < buffer.Length || !head.StartsWith("---", StringComparison.Ordinal) || head.IndexOf("\n---", 3, StringComparison.Ordinal) >= 0 || head.IndexOf("\n...", 3, StringComparison.Ordinal) >= 0)
        {
            return head;
        }

        var rest = new char[maxChars - read];
        var more = reader.ReadBlock(rest, 0, rest.Length);
        return head + new string(rest, 0, more);
    }
}
