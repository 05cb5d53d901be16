using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Hugo;

/// <summary>
/// Hugo: a folder with <c>hugo.toml</c>, <c>hugo.yaml</c>, <c>hugo.json</c> (Hugo 0.110+) or the older
/// <c>config.toml|yaml|json</c>, beside a <c>content/</c> folder, is a site root. <c>config.*</c> alone is too
/// common a name to mean Hugo, so it needs the <c>content/</c> folder; <c>hugo.*</c> does not.
/// </summary>
public sealed class HugoGenerator : ISiteGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "hugo";

    /// <summary>The configuration file names, in the order Hugo looks for them.</summary>
    public static IReadOnlyList<string> ConfigNames { get; } = ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json"];

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public string? Detect(SiteDirectory directory)
    {
        foreach (var name in ConfigNames)
        {
            if (directory.Files.Contains(name) && (name.StartsWith("hugo.", StringComparison.Ordinal) || directory.Directories.Contains("content")))
            {
                return name;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public ISite Build(SiteSource source) => new HugoSite(source);
}
