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
    /// <summary>Converts the file at <paramref name="path"/> (by its name: .toml and .lycheeignore are lychee's, .json is markdown-link-check's).</summary>
    /// <exception cref="LinkCheckConfigurationException">The file cannot be read or parsed.</exception>
    public static string Import(string path)
    {
        byte[] bytes;
        if (File.Exists(path) && !RegularFile.Is(path))
        {
            throw new LinkCheckConfigurationException($"--import: cannot read {path}: not a regular file");
        }

        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LinkCheckConfigurationException($"--import: cannot read {path}: {e.Message}", e);
        }

        if (Path.GetFileName(path).Equals(LinkChecker.LycheeIgnoreFileName, StringComparison.OrdinalIgnoreCase))
        {
            return LycheeImporter.ImportIgnoreFile(bytes, path);
        }

        // As File.ReadAllText reads them: UTF-8 unless a byte order mark says otherwise, the mark itself dropped.
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        if (!path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
        {
            return MarkdownLinkCheckImporter.Import(text, path);
        }

        var ignore = Path.Combine(Path.GetDirectoryName(path)!, LinkChecker.LycheeIgnoreFileName);
        var ignored = File.Exists(ignore) && RegularFile.Is(ignore) ? LycheeImporter.IgnorePatterns(File.ReadAllBytes(ignore), ignore) : null;
        return LycheeImporter.Import(text, path, ignored);
    }

    /// <summary>Converts a lychee configuration (TOML); see <see cref="LycheeImporter"/>.</summary>
    public static string FromLychee(string toml, string source) => LycheeImporter.Import(toml, source);
}
