using System.Text.Json;

namespace LinkCheck.Core.Sites.DocFx;

/// <summary>
/// What linkcheck reads from Microsoft Learn's <c>.openpublishing.publish.config.json</c> (at the repository's
/// root): the redirection files it names (<c>redirection_files</c>, each holding <c>redirections</c> with a
/// <c>source_path</c> and a <c>redirect_url</c>), the docsets (<c>build_source_folder</c> and the URL segment
/// <c>build_output_subfolder</c>), and whether uids may come from Learn's xref service
/// (<c>xref_query_tags</c>) or files may be produced before the build (<c>customized_tasks.docset_prebuild</c>),
/// both of which an offline check cannot see.
/// </summary>
/// <param name="RedirectionFiles">Repository-relative paths of the redirection files.</param>
/// <param name="Docsets">The docsets to publish.</param>
public sealed record OpenPublishingConfig(IReadOnlyList<string> RedirectionFiles, IReadOnlyList<OpenPublishingDocset> Docsets)
{
    /// <summary>The name of the file, at the repository's root.</summary>
    public const string FileName = ".openpublishing.publish.config.json";

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses the publish configuration.</summary>
    /// <exception cref="FormatException">The text is not JSON.</exception>
    public static OpenPublishingConfig Parse(string json)
    {
        using var document = ParseJson(json);
        var root = document.RootElement;
        var files = new List<string>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("redirection_files", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            files.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Replace('\\', '/').TrimStart('/')));
        }

        var docsets = new List<OpenPublishingDocset>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("docsets_to_publish", out var sets) && sets.ValueKind == JsonValueKind.Array)
        {
            foreach (var set in sets.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object))
            {
                var source = Text(set, "build_source_folder") ?? ".";
                var output = Text(set, "build_output_subfolder") ?? string.Empty;
                var queriesXrefs = set.TryGetProperty("xref_query_tags", out var tags) && tags.ValueKind == JsonValueKind.Array && tags.GetArrayLength() > 0;
                var prebuild = set.TryGetProperty("customized_tasks", out var tasks) && tasks.ValueKind == JsonValueKind.Object
                    && tasks.TryGetProperty("docset_prebuild", out var pre) && pre.ValueKind == JsonValueKind.Array && pre.GetArrayLength() > 0;
                docsets.Add(new OpenPublishingDocset(NormalizeFolder(source), output.Trim('/'), queriesXrefs, prebuild));
            }
        }

        return new OpenPublishingConfig(files, docsets);
    }

    /// <summary>
    /// Parses one redirection file: <c>{"redirections": [{"source_path": "docs/a.md", "redirect_url": "/x/b"}]}</c>.
    /// Returns each source as written (<c>source_path</c> is relative to the redirection file's folder, as
    /// PowerShell-Docs' <c>redir/</c> files with <c>../reference/...</c> show; <c>source_path_from_root</c> is
    /// returned with its leading <c>/</c>) and its target.
    /// </summary>
    /// <exception cref="FormatException">The text is not JSON.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseRedirections(string json)
    {
        using var document = ParseJson(json);
        var result = new List<KeyValuePair<string, string>>();
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("redirections", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var entry in list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            // source_path is repository-relative; some files use source_path_from_root ("/docs/a.md").
            var source = Text(entry, "source_path")?.Replace('\\', '/').TrimStart('/')
                ?? (Text(entry, "source_path_from_root") is { } fromRoot ? "/" + fromRoot.Replace('\\', '/').TrimStart('/') : null);
            var target = Text(entry, "redirect_url");
            if (source is not null && target is not null)
            {
                result.Add(new(source, target));
            }
        }

        return result;
    }

    /// <summary>The docset whose source folder holds <paramref name="folder"/> (a repository-relative folder), if any.</summary>
    public OpenPublishingDocset? DocsetOf(string folder) =>
        Docsets.Where(d => d.SourceFolder.Length == 0 || folder == d.SourceFolder || folder.StartsWith(d.SourceFolder + "/", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => d.SourceFolder.Length)
            .FirstOrDefault();

    private static JsonDocument ParseJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json, Lenient);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}", e);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string NormalizeFolder(string folder)
    {
        var normalized = folder.Replace('\\', '/').Trim().Trim('/');
        return normalized is "." ? string.Empty : normalized.StartsWith("./", StringComparison.Ordinal) ? normalized[2..] : normalized;
    }
}
