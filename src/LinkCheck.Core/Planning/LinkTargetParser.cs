using LinkCheck.Core.Model;

namespace LinkCheck.Core.Planning;

/// <summary>
/// Turns a destination as written into a normalised <see cref="LinkTarget"/>. Relative references follow
/// RFC 3986 §5.2 against the linking file's folder; a leading <c>/</c> means the repository root, as GitHub
/// resolves it in rendered markdown. Paths and fragments are percent-decoded (UTF-8); the query is kept apart.
/// </summary>
public static class LinkTargetParser
{
    /// <summary>Parses <paramref name="url"/> written in the file <paramref name="documentPath"/> (repository-relative).</summary>
    public static LinkTarget Parse(string url, string documentPath)
    {
        url = url.Trim();
        if (url.Length == 0)
        {
            return new LinkTarget { Kind = TargetKind.Empty, Key = "#" + documentPath + "#empty", Path = documentPath };
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            // A network-path reference (RFC 3986 §4.2): GitHub pages are served over https.
            return ParseAbsolute("https:" + url, "https");
        }

        var scheme = SchemeOf(url);
        return scheme is null ? ParseLocal(url, documentPath) : ParseAbsolute(url, scheme);
    }

    /// <summary>
    /// True when <paramref name="url"/> (trimmed) is a relative reference that <see cref="Parse"/> would resolve as
    /// a local path or fragment: not empty, not a network-path reference, no scheme. A cheap test for callers that
    /// interpret local links themselves (site models), so they do not build a local target only to discard it.
    /// </summary>
    public static bool IsLocalReference(string url) =>
        url.Length > 0 && !url.StartsWith("//", StringComparison.Ordinal) && SchemeOf(url) is null;

    private static LinkTarget ParseAbsolute(string url, string scheme)
    {
        switch (scheme)
        {
            case "http" or "https":
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
                {
                    return new LinkTarget { Kind = TargetKind.Invalid, Key = url, Problem = "not a valid URL" };
                }

                var withoutFragment = uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
                // Fragments are per occurrence (see FragmentOf); the page is fetched once for all of them.
                return new LinkTarget { Kind = TargetKind.Http, Key = withoutFragment, Uri = new Uri(withoutFragment), Scheme = scheme };
            case "mailto":
                return new LinkTarget { Kind = TargetKind.Mail, Key = url, Scheme = scheme };
            default:
                return new LinkTarget { Kind = TargetKind.OtherScheme, Key = url, Scheme = scheme };
        }
    }

    private static LinkTarget ParseLocal(string url, string documentPath)
    {
        string? fragment = null;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = Uri.UnescapeDataString(url[(hash + 1)..]);
            url = url[..hash];
        }

        string? query = null;
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = url[(question + 1)..];
            url = url[..question];
        }

        var rawPath = url.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(url) : url;
        var (path, escapes) = rawPath.Length == 0
            ? (documentPath, false)
            : IsPlainRelative(rawPath)
                ? (Join(DirectoryOf(documentPath), rawPath.TrimEnd('/')), false)
                : Normalize(rawPath.StartsWith('/') ? rawPath : DirectoryOf(documentPath) + "/" + rawPath);

        // GitHub shows a file's source (where #L10 line anchors work) for ?plain=1; otherwise the query does not matter.
        var plain = query is not null && IsPlainQuery(query);
        var asFolder = rawPath.Length > 1 && rawPath.EndsWith('/') && path.Length > 0;
        var key = (escapes ? "../" : string.Empty) + path + (asFolder ? "/" : string.Empty) + (plain ? "?plain=1" : string.Empty) + (fragment is null ? string.Empty : "#" + fragment);
        return new LinkTarget
        {
            Kind = TargetKind.Local,
            Key = key,
            Path = path,
            Fragment = fragment,
            Query = query,
            EscapesRoot = escapes,
            AsFolder = asFolder,
        };
    }

    /// <summary>The percent-decoded fragment of a URL as written, without <c>#</c>; null when it has none.</summary>
    public static string? FragmentOf(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..].Trim());
    }

    /// <summary>True when a query asks GitHub for the plain source view (<c>plain=1</c>).</summary>
    public static bool IsPlainQuery(string query) =>
        query.Split('&').Any(p => p.Equals("plain=1", StringComparison.OrdinalIgnoreCase));

    /// <summary>The folder of a repository path (empty for a file at the root).</summary>
    public static string DirectoryOf(string path)
    {
        // Links are parsed file by file: remembering the last answer avoids a substring per link.
        var last = _lastDirectory;
        if (last is not null && ReferenceEquals(last.Value.Path, path))
        {
            return last.Value.Directory;
        }

        var slash = path.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : path[..slash];
        _lastDirectory = (path, directory);
        return directory;
    }

    [ThreadStatic]
    private static (string Path, string Directory)? _lastDirectory;

    /// <summary>A relative path with no <c>.</c>, <c>..</c> or empty segments needs no normalisation (the common case).</summary>
    private static bool IsPlainRelative(string path) =>
        path[0] is not ('/' or '.')
        && !path.Contains("//", StringComparison.Ordinal)
        && !path.Contains("/.", StringComparison.Ordinal);

    private static string Join(string directory, string path) => directory.Length == 0 ? path : string.Concat(directory, "/", path);

    /// <summary>The lower-cased scheme of an absolute URL (RFC 3986 §3.1), or null for a relative reference.</summary>
    private static string? SchemeOf(string url)
    {
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" — at least two characters, so that a Windows
        // drive letter (C:\...) is not taken for a scheme.
        if (url.Length < 3 || !char.IsAsciiLetter(url[0]))
        {
            return null;
        }

        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return i >= 2 ? url[..i].ToLowerInvariant() : null;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Removes <c>.</c> and <c>..</c> segments and empty segments (RFC 3986 §5.2.4); reports a climb above the root.</summary>
    private static (string Path, bool EscapesRoot) Normalize(string path)
    {
        // Segments are copied into a buffer; ".." truncates it back to the start of the previous segment.
        var buffer = path.Length <= 512 ? stackalloc char[path.Length] : new char[path.Length];
        Span<int> starts = stackalloc int[Math.Min(256, path.Length / 2 + 1)];
        var depth = 0;
        var length = 0;
        var escapes = false;
        var position = 0;
        while (position <= path.Length)
        {
            var slash = path.IndexOf('/', position);
            var end = slash < 0 ? path.Length : slash;
            var segment = path.AsSpan(position, end - position);
            if (segment.Length == 0 || segment is ".")
            {
                // Nothing to add.
            }
            else if (segment is "..")
            {
                if (depth == 0)
                {
                    escapes = true;
                }
                else
                {
                    depth--;
                    length = Math.Max(0, starts[depth] - 1);
                }
            }
            else if (depth < starts.Length)
            {
                if (length > 0)
                {
                    buffer[length++] = '/';
                }

                starts[depth++] = length;
                segment.CopyTo(buffer[length..]);
                length += segment.Length;
            }
            else
            {
                return (path.Trim('/'), escapes);
            }

            position = end + 1;
        }

        return (new string(buffer[..length]), escapes);
    }
}
