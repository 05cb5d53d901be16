using System.Text.Json;

namespace LinkCheck.Core.Sites.DocFx;

/// <summary>
/// What linkcheck reads from <c>docfx.json</c>: the <c>build.content</c> groups (the pages), the
/// <c>build.resource</c> groups (files copied as they are), and whether uids can come from elsewhere
/// (<c>build.xref</c> maps, which an offline check cannot read). DocFX's own reader accepts comments and trailing
/// commas (Microsoft's repositories have them), so this one does too.
/// </summary>
/// <param name="Content">The content groups, in order.</param>
/// <param name="Resources">The resource groups, in order.</param>
/// <param name="ExternalXrefMaps">The <c>build.xref</c> entries (external xref maps).</param>
public sealed record DocFxConfig(IReadOnlyList<DocFxFileGroup> Content, IReadOnlyList<DocFxFileGroup> Resources, IReadOnlyList<string> ExternalXrefMaps)
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses the text of <c>docfx.json</c>.</summary>
    /// <exception cref="FormatException">The text is not JSON, or has no <c>build</c> section.</exception>
    public static DocFxConfig Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Lenient);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("build", out var build) || build.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it has no \"build\" section (only the build section of docfx.json is read)");
            }

            return new DocFxConfig(Groups(build, "content"), Groups(build, "resource"), Strings(build, "xref"));
        }
    }

    /// <summary>The first content group that takes <paramref name="path"/> (relative to <c>docfx.json</c>'s folder) and its output path.</summary>
    public (DocFxFileGroup Group, string OutputPath)? FindContent(string path) => Find(Content, path);

    /// <summary>The first resource group that takes <paramref name="path"/> and its output path.</summary>
    public (DocFxFileGroup Group, string OutputPath)? FindResource(string path) => Find(Resources, path);

    private static (DocFxFileGroup, string)? Find(IReadOnlyList<DocFxFileGroup> groups, string path)
    {
        foreach (var group in groups)
        {
            if (group.OutputPath(path) is { } output)
            {
                return (group, output);
            }
        }

        return null;
    }

    private static List<DocFxFileGroup> Groups(JsonElement build, string name)
    {
        var groups = new List<DocFxFileGroup>();
        if (!build.TryGetProperty(name, out var value))
        {
            return groups;
        }

        // A group list, or a single group object, or (older configs) a plain list of globs.
        var items = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            JsonValueKind.Object => [value],
            _ => [],
        };
        var looseGlobs = new List<string>();
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                looseGlobs.Add(item.GetString()!);
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            groups.Add(new DocFxFileGroup(Strings(item, "files"), Strings(item, "exclude"), String(item, "src") ?? string.Empty, String(item, "dest") ?? string.Empty));
        }

        if (looseGlobs.Count > 0)
        {
            groups.Add(new DocFxFileGroup(looseGlobs, [], string.Empty, string.Empty));
        }

        return groups;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            _ => [],
        };
    }
}
