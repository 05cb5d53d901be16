using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>
/// The front matter fields that decide a page's URL. Jekyll reads front matter only when the file starts with
/// <c>---</c> (lib/jekyll/document.rb YAML_FRONT_MATTER_REGEXP: <c>\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)</c>).
/// </summary>
public sealed record JekyllFrontMatter
{
    /// <summary>True when the file has front matter at all (it is then a page, not a static file).</summary>
    public bool Present { get; init; }

    /// <summary><c>permalink</c>.</summary>
    public string? Permalink { get; init; }

    /// <summary><c>published</c> (null when not set).</summary>
    public bool? Published { get; init; }

    /// <summary>The date part of <c>date</c>.</summary>
    public DateOnly? Date { get; init; }

    /// <summary><c>slug</c>.</summary>
    public string? Slug { get; init; }

    /// <summary><c>categories</c> and <c>category</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary><c>redirect_from</c> (jekyll-redirect-from): URLs that redirect to this page.</summary>
    public IReadOnlyList<string> RedirectFrom { get; init; } = [];

    private static readonly string[] UrlKeys = ["permalink", "published", "date", "slug", "categor", "redirect_from"];

    /// <summary>No front matter.</summary>
    public static JekyllFrontMatter None { get; } = new();

    /// <summary>Reads the front matter at the start of <paramref name="text"/>; invalid YAML counts as present but empty.</summary>
    public static JekyllFrontMatter Read(string? text)
    {
        if (FrontMatterFields.Block(text) is not { } block)
        {
            return None;
        }

        var (start, end) = block;

        // Most front matter sets only a title and tags: without any key that moves a page, a YAML parse of every
        // page is wasted (it was a fifth of the time the site model added on a 5,000-page site).
        if (!UrlKeys.Any(k => text!.AsSpan(start, end - start).Contains(k, StringComparison.Ordinal)))
        {
            return new JekyllFrontMatter { Present = true };
        }

        try
        {
            var stream = SiteYaml.Load(text![start..end]);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return new JekyllFrontMatter { Present = true };
            }

            var categories = new List<string>();
            foreach (var key in new[] { "category", "categories" })
            {
                if (map.Children.TryGetValue(key, out var node))
                {
                    if (node is YamlSequenceNode list)
                    {
                        categories.AddRange(list.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty));
                    }
                    else if (node is YamlScalarNode { Value: { } value })
                    {
                        categories.AddRange(key == "category" ? [value] : value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    }
                }
            }

            return new JekyllFrontMatter
            {
                Present = true,
                Permalink = Scalar(map, "permalink"),
                Published = Scalar(map, "published") is { } published ? !published.Equals("false", StringComparison.OrdinalIgnoreCase) : null,
                Date = Scalar(map, "date") is { Length: >= 10 } date && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
                Slug = Scalar(map, "slug"),
                Categories = categories,
                RedirectFrom = map.Children.TryGetValue("redirect_from", out var redirects)
                    ? redirects switch
                    {
                        YamlSequenceNode list => [.. list.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(v => v.Length > 0)],
                        YamlScalarNode { Value: { Length: > 0 } one } => [one],
                        _ => [],
                    }
                    : [],
            };
        }
        catch (YamlException)
        {
            return new JekyllFrontMatter { Present = true };
        }
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
