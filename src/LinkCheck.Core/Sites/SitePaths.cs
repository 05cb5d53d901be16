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

        var segments = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
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
