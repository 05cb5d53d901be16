namespace LinkCheck.Core.Sites;

/// <summary>Repository paths as the generators join them, shared by the site models.</summary>
internal static class SitePaths
{
    /// <summary>
    /// <paramref name="path"/> joined to the repository folder <paramref name="folder"/> and normalised (<c>.</c> and
    /// empty segments dropped, <c>..</c> climbing one folder), or null when it climbs above the repository root.
    /// </summary>
    public static string? Join(string folder, string path)
    {
        // Most links name a plain path: nothing to drop or climb, so no segments to split and join again.
        if (IsNormal(path) && (folder.Length == 0 || IsNormal(folder)))
        {
            return folder.Length == 0 ? path : string.Concat(folder, "/", path);
        }

        // One pass over both, as a stack of segments in a buffer: "." and empty segments dropped, ".." popping one.
        var buffer = new char[folder.Length + path.Length + 1];
        var length = 0;
        foreach (var part in new[] { folder, path })
        {
            foreach (var range in part.AsSpan().Split('/'))
            {
                var segment = part.AsSpan()[range];
                if (segment is "..")
                {
                    if (length == 0)
                    {
                        return null;
                    }

                    length = Math.Max(0, buffer.AsSpan(0, length).LastIndexOf('/'));
                }
                else if (segment is not ("." or ""))
                {
                    if (length > 0)
                    {
                        buffer[length++] = '/';
                    }

                    segment.CopyTo(buffer.AsSpan(length));
                    length += segment.Length;
                }
            }
        }

        return new string(buffer, 0, length);
    }

    /// <summary>True when every segment of <paramref name="path"/> is a name: none empty, <c>.</c> or <c>..</c>.</summary>
    private static bool IsNormal(string path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        foreach (var range in path.AsSpan().Split('/'))
        {
            var segment = path.AsSpan()[range];
            if (segment is "" or "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
