using System.Text.RegularExpressions;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Planning;

/// <summary>
/// Turns a destination as written into a normalised <see cref="LinkTarget"/>. Relative references follow
/// RFC 3986 §5.2 against the linking file's folder; a leading <c>/</c> means the repository root, as GitHub
/// resolves it in rendered markdown. Paths and fragments are percent-decoded (UTF-8); the query is kept apart.
/// </summary>
public static partial class LinkTargetParser
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

        var scheme = SchemePattern().Match(url);
        if (scheme.Success)
        {
            return ParseAbsolute(url, scheme.Groups[1].Value.ToLowerInvariant());
        }

        return ParseLocal(url, documentPath);
    }

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

        var rawPath = Uri.UnescapeDataString(url);
        var (path, escapes) = rawPath.Length == 0
            ? (documentPath, false)
            : Normalize(rawPath.StartsWith('/') ? rawPath : DirectoryOf(documentPath) + "/" + rawPath);

        // GitHub shows a file's source (where #L10 line anchors work) for ?plain=1; otherwise the query does not matter.
        var plain = query is not null && IsPlainQuery(query);
        var key = (escapes ? "../" : string.Empty) + path + (plain ? "?plain=1" : string.Empty) + (fragment is null ? string.Empty : "#" + fragment);
        return new LinkTarget
        {
            Kind = TargetKind.Local,
            Key = key,
            Path = path,
            Fragment = fragment,
            Query = query,
            EscapesRoot = escapes,
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
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>Removes <c>.</c> and <c>..</c> segments and empty segments (RFC 3986 §5.2.4); reports a climb above the root.</summary>
    private static (string Path, bool EscapesRoot) Normalize(string path)
    {
        var segments = new List<string>();
        var escapes = false;
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        escapes = true;
                    }
                    else
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    continue;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        return (string.Join('/', segments), escapes);
    }

    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). Two letters at least, so that a
    // Windows drive letter (C:\...) is not taken for a scheme.
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]+):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
