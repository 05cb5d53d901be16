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
/// markdown-link-check's JSON configuration as a <c>.linkcheck.yml</c>; credentials in its headers become
/// <c>${VARIABLES}</c>, never copied.
/// </summary>
internal static partial class MarkdownLinkCheckImporter
{
    /// <summary>Converts a markdown-link-check configuration (JSON).</summary>
    public static string Import(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from 0 and appends them to its message; say them as editors do.
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            var where = e.LineNumber is { } line ? $":{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new LinkCheckConfigurationException($"--import: {source}{where}: not valid JSON: {reason}", e);
        }

        using (document)
        {
            try
            {
                return FromMarkdownLinkCheck(document.RootElement, source);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                // A property of the wrong type or a missing "pattern": the file is JSON, but not this tool's shape.
                throw new LinkCheckConfigurationException($"--import: {source} is not a markdown-link-check configuration: {e.Message}", e);
            }
        }
    }

    private static string FromMarkdownLinkCheck(JsonElement root, string source)
    {
        var yaml = new ImportedYaml(source, "markdown-link-check");
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "ignorePatterns":
                    yaml.List("exclude", [.. value.EnumerateArray().Select(p => p.GetProperty("pattern").GetString() ?? string.Empty)]);
                    break;
                case "replacementPatterns":
                    var rules = new List<string>();
                    var firstOnly = false;
                    foreach (var rule in value.EnumerateArray())
                    {
                        var pattern = rule.GetProperty("pattern").GetString() ?? string.Empty;
                        var replacement = rule.GetProperty("replacement").GetString() ?? string.Empty;
                        if (replacement.Contains("{{BASEURL}}", StringComparison.Ordinal))
                        {
                            yaml.Unsupported("replacementPatterns", rule, "linkcheck resolves '/' links against the repository root, so {{BASEURL}} rules are not needed");
                            continue;
                        }

                        firstOnly |= !(rule.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True);
                        // JavaScript's named group reference $<name> is ${name} in .NET.
                        rules.Add($"{pattern} {NamedGroup().Replace(replacement, "${$1}")}");
                    }

                    if (rules.Count > 0)
                    {
                        yaml.List("remap", rules, firstOnly ? "markdown-link-check replaces the first match unless global is true; linkcheck replaces every match" : null);
                    }

                    break;
                case "httpHeaders":
                    foreach (var entry in value.EnumerateArray())
                    {
                        foreach (var url in entry.GetProperty("urls").EnumerateArray())
                        {
                            if (Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
                            {
                                // Credentials become ${VARIABLES}: the imported file is meant to be committed.
                                var headers = entry.GetProperty("headers").EnumerateObject()
                                    .Select(h => (h.Name, IsSecret(h.Name) ? $"${{{Variable(uri.Host, h.Name)}}}" : h.Value.GetString() ?? string.Empty))
                                    .ToList();
                                yaml.Host(uri.Host, headers, entry.GetProperty("headers").EnumerateObject().Any(h => IsSecret(h.Name)));
                            }
                        }
                    }

                    break;
                case "timeout":
                    yaml.Text("timeout", value.ValueKind == JsonValueKind.Number ? value.GetInt32().ToString(CultureInfo.InvariantCulture) + "s" : value.GetString() ?? "20s");
                    break;
                case "retryCount":
                    yaml.Value("max-retries", value.GetInt64());
                    break;
                case "aliveStatusCodes":
                    yaml.Text("accept", string.Join(',', value.EnumerateArray().Select(c => c.GetRawText())));
                    break;
                case "retryOn429":
                    yaml.Unsupported(property.Name, value, "linkcheck always retries 429 and honours Retry-After");
                    break;
                case "fallbackRetryDelay":
                    yaml.Unsupported(property.Name, value, "linkcheck backs off exponentially from 1 s; see max-retry-wait");
                    break;
                case "projectBaseUrl":
                    yaml.Unsupported(property.Name, value, "linkcheck resolves '/' links against the repository root (root-dir)");
                    break;
                default:
                    yaml.Unsupported(property.Name, value, "no equivalent in linkcheck");
                    break;
            }
        }

        return yaml.ToString();
    }

    private static bool IsSecret(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || header.Contains("token", StringComparison.OrdinalIgnoreCase)
        || header.Contains("key", StringComparison.OrdinalIgnoreCase) || header.Contains("secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>An environment variable name for a header's secret: <c>EXAMPLE_COM_AUTHORIZATION</c>.</summary>
    private static string Variable(string host, string header) =>
        new string([.. $"{host}_{header}".ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    [GeneratedRegex(@"\$<([A-Za-z_][A-Za-z0-9_]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex NamedGroup();
}
