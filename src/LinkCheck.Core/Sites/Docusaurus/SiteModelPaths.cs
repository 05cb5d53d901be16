namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>URL path resolution as the <c>resolve-pathname</c> package (which Docusaurus uses) does it.</summary>
internal static class SiteModelPaths
{
    /// <summary>Resolves <paramref name="to"/> against the folder URL <paramref name="from"/> (RFC 3986 §5.2, path only).</summary>
    public static string Resolve(string from, string to)
    {
        if (to.StartsWith('/'))
        {
            return to;
        }

        var merged = from[..(from.LastIndexOf('/') + 1)] + to;
        var segments = new List<string>();
        var parts = merged.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i] == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (parts[i] != ".")
            {
                segments.Add(parts[i]);
            }
        }

        return "/" + string.Join('/', segments);
    }
}
