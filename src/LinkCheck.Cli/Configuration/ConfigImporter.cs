using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Turns another checker's configuration into an equivalent <c>.linkcheck.yml</c>, so moving to linkcheck does
/// not mean rewriting it: lychee's <c>lychee.toml</c> and markdown-link-check's JSON configuration. Every setting
/// without an exact equivalent is kept as a comment saying why, so nothing is silently dropped.
/// </summary>
internal static class ConfigImporter
{
    /// <summary>Converts the file at <paramref name="path"/> (by its name: .toml is lychee, .json is markdown-link-check).</summary>
    /// <exception cref="LinkCheckConfigurationException">The file cannot be read or parsed.</exception>
    public static string Import(string path)
    {
        string text;
        if (File.Exists(path) && !RegularFile.Is(path))
        {
            throw new LinkCheckConfigurationException($"--import: cannot read {path}: not a regular file");
        }

        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LinkCheckConfigurationException($"--import: cannot read {path}: {e.Message}", e);
        }

        return path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) ? LycheeImporter.Import(text, path) : MarkdownLinkCheckImporter.Import(text, path);
    }

    /// <summary>Converts a lychee configuration (TOML); see <see cref="LycheeImporter"/>.</summary>
    public static string FromLychee(string toml, string source) => LycheeImporter.Import(toml, source);
}
