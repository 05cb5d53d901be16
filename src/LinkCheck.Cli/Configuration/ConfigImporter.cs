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
internal static partial class ConfigImporter
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

        return path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) ? FromLychee(text, path) : FromMarkdownLinkCheck(text, path);
    }

    /// <summary>Converts a lychee configuration (TOML).</summary>
    public static string FromLychee(string toml, string source)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize(toml, TomlModelContext.Default.TomlTable)!;
        }
        catch (TomlException e)
        {
            throw new LinkCheckConfigurationException($"--import: {source} is not valid TOML: {e.Message.Split('\n')[0]}", e);
        }

        var yaml = new YamlOut(source, "lychee");
        foreach (var (key, value) in table)
        {
            switch (key)
            {
                case "exclude":
                    yaml.List("exclude", Strings(value));
                    break;
                case "include":
                    yaml.List("include", Strings(value));
                    break;
                case "exclude_path":
                    yaml.List("exclude-path", [.. Strings(value).Select(p => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p)], "lychee's newer versions take regular expressions here, linkcheck takes globs: check these patterns");
                    break;
                case "exclude_mail":
                    if (value is true)
                    {
                        yaml.List("exclude", ["^mailto:"], "from exclude_mail = true");
                    }

                    break;
                case "exclude_all_private":
                    yaml.Value("exclude-private", value);
                    yaml.Value("exclude-loopback", value);
                    break;
                case "exclude_private" or "exclude_link_local":
                    yaml.Value("exclude-private", value, key == "exclude_link_local" ? "linkcheck's exclude-private covers link-local addresses too" : null);
                    break;
                case "exclude_loopback":
                    yaml.Value("exclude-loopback", value);
                    break;
                case "max_redirects":
                    yaml.Value("max-redirects", value);
                    break;
                case "max_retries":
                    yaml.Value("max-retries", value);
                    break;
                case "max_concurrency":
                    yaml.Value("max-concurrency", value);
                    break;
                case "timeout":
                    yaml.Text("timeout", Seconds(value));
                    break;
                case "user_agent":
                    yaml.Text("user-agent", Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case "accept":
                    yaml.Text("accept", string.Join(',', Strings(value)));
                    break;
                case "remap":
                    yaml.List("remap", Strings(value));
                    break;
                case "offline":
                    yaml.Value("offline", value);
                    break;
                case "cache":
                    yaml.Value("cache", value);
                    break;
                case "max_cache_age":
                    yaml.Text("max-cache-age", Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case "include_fragments":
                    yaml.Value("remote-fragments", value, "linkcheck checks fragments of external pages by default");
                    break;
                case "no_ignore":
                    yaml.Value("gitignore", value is bool b ? !b : value);
                    break;
                case "root_dir":
                    yaml.Text("root-dir", Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case "output":
                    yaml.Text("output", Convert.ToString(value, CultureInfo.InvariantCulture)!, "linkcheck writes its own report formats here: see format (text, json, sarif, markdown, junit)");
                    break;
                case "no_progress":
                    yaml.Value("progress", value is bool np ? !np : value);
                    break;
                case "verbose":
                    yaml.Unsupported(key, value, "use --verbose or --quiet");
                    break;
                case "headers" or "header":
                    yaml.Unsupported(key, "(not copied: headers may hold credentials)", "lychee sends these headers to every host; linkcheck sends headers to one host only: add them under hosts: HOST: headers:, with secrets as ${VARIABLE}");
                    break;
                case "basic_auth":
                    yaml.Unsupported(key, "(not copied: it holds credentials)", "add hosts: HOST: headers: Authorization: 'Basic ${VARIABLE}'");
                    break;
                case "github_token":
                    yaml.Unsupported(key, "(not copied)", "linkcheck reads GITHUB_TOKEN or --github-token; never put a token in a file");
                    break;
                case "threads":
                    yaml.Unsupported(key, value, "linkcheck parses on every core; max-concurrency limits requests");
                    break;
                case "scheme":
                    yaml.List("scheme", Strings(value));
                    break;
                case "require_https":
                    yaml.Value("require-https", value);
                    break;
                case "method" when Convert.ToString(value, CultureInfo.InvariantCulture)?.ToLowerInvariant() is "get" or "head":
                    yaml.Text("method", Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant());
                    break;
                case "base" or "base_url":
                    yaml.Unsupported(key, value, "linkcheck resolves '/' links against the repository root (root-dir)");
                    break;
                case "include_verbatim":
                    yaml.Unsupported(key, value, "linkcheck never checks links inside code");
                    break;
                case "skip_missing":
                    yaml.Unsupported(key, value, "a missing path is a usage error (exit code 2) in linkcheck");
                    break;
                case "insecure":
                    yaml.Value("insecure", value);
                    break;
                case "retry_wait_time":
                    yaml.Unsupported(key, value, "linkcheck backs off exponentially from 1 s and honours Retry-After; see max-retry-wait");
                    break;
                default:
                    yaml.Unsupported(key, value, "no equivalent in linkcheck");
                    break;
            }
        }

        return yaml.ToString();
    }

    /// <summary>Converts a markdown-link-check configuration (JSON).</summary>
    public static string FromMarkdownLinkCheck(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new LinkCheckConfigurationException($"--import: {source} is not valid JSON: {e.Message}", e);
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
        var yaml = new YamlOut(source, "markdown-link-check");
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

    private static List<string> Strings(object value) => value switch
    {
        TomlArray array => [.. array.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)],
        _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty],
    };

    private static string Seconds(object value) => value switch
    {
        long seconds => seconds.ToString(CultureInfo.InvariantCulture) + "s",
        double seconds => seconds.ToString(CultureInfo.InvariantCulture) + "s",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "20s",
    };

    /// <summary>
    /// A small YAML writer: single-quoted strings (no escapes to get wrong), a comment where meaning differs, and
    /// one entry per key (two source settings that map to one key are merged, never written twice).
    /// </summary>
    private sealed class YamlOut
    {
        private readonly string _header;
        private readonly List<string> _order = [];
        private readonly Dictionary<string, (List<string> Notes, object Value)> _entries = new(StringComparer.Ordinal);
        private readonly List<(string Host, List<(string Name, string Value)> Headers)> _hosts = [];
        private readonly StringBuilder _unsupported = new();
        private bool _replacedSecrets;

        public YamlOut(string source, string tool) =>
            _header = $"# .linkcheck.yml imported from {OneLine(Path.GetFileName(source))} ({tool}). Review the comments below.\n";

        public void Value(string key, object value, string? note = null)
        {
            var merged = _entries.TryGetValue(key, out var old) && old.Value is bool was && value is bool now ? was || now : value;
            Set(key, merged, note);
        }

        public void Text(string key, string value, string? note = null) => Set(key, value, note);

        public void List(string key, IReadOnlyList<string> values, string? note = null)
        {
            var items = _entries.TryGetValue(key, out var old) && old.Value is List<string> existing ? existing : [];
            items.AddRange(values);
            Set(key, items, note);
        }

        public void Host(string host, List<(string Name, string Value)> headers, bool replacedSecrets)
        {
            _hosts.Add((host, headers));
            _replacedSecrets |= replacedSecrets;
        }

        public void Unsupported(string key, object value, string why) =>
            _unsupported.Append(CultureInfo.InvariantCulture, $"# {key} = {OneLine(Describe(value))}: not imported, {why}\n");

        private static string Describe(object? value) => value switch
        {
            bool b => b ? "true" : "false",
            TomlArray array => "[" + string.Join(", ", array.Select(Describe)) + "]",
            JsonElement json => Compact(json),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        private static string Compact(JsonElement json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                json.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private void Set(string key, object value, string? note)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                _order.Add(key);
                entry = ([], value);
            }

            if (note is not null)
            {
                entry.Notes.Add(note);
            }

            _entries[key] = (entry.Notes, value);
        }

        public override string ToString()
        {
            var text = new StringBuilder(_header);
            foreach (var key in _order)
            {
                var (notes, value) = _entries[key];
                foreach (var note in notes)
                {
                    text.Append("# ").Append(OneLine(note)).Append('\n');
                }

                text.Append(key).Append(':');
                if (value is List<string> items)
                {
                    text.Append('\n');
                    foreach (var item in items)
                    {
                        text.Append("  - ").Append(Quote(item)).Append('\n');
                    }
                }
                else
                {
                    text.Append(' ').Append(Scalar(value)).Append('\n');
                }
            }

            if (_hosts.Count > 0)
            {
                if (_replacedSecrets)
                {
                    text.Append("# Credentials were replaced by ${VARIABLES}: set them in the environment (CI secrets), never in this file.\n");
                }

                text.Append("hosts:\n");
                foreach (var group in _hosts.GroupBy(h => h.Host, StringComparer.OrdinalIgnoreCase))
                {
                    text.Append("  ").Append(Quote(group.Key)).Append(":\n    headers:\n");
                    foreach (var (name, value) in group.SelectMany(g => g.Headers))
                    {
                        text.Append("      ").Append(Quote(name)).Append(": ").Append(Quote(value)).Append('\n');
                    }
                }
            }

            return _unsupported.Length == 0 ? text.ToString() : text.Append("\n# Settings without an equivalent:\n").Append(_unsupported).ToString();
        }

        private static string Scalar(object value) => value switch
        {
            bool b => b ? "true" : "false",
            long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
        };

        /// <summary>
        /// A value exactly as the source had it: single-quoted when it has nothing a single-quoted scalar cannot
        /// hold, else double-quoted with YAML escapes (YAML 1.2 §5.7), so a pattern with a line break or a NUL is
        /// carried over as it is instead of silently becoming another pattern. Text that no YAML file can hold (a
        /// lone surrogate) is refused.
        /// </summary>
        private static string Quote(string value)
        {
            if (!value.Any(NeedsEscape))
            {
                return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
            }

            var text = new StringBuilder("\"");
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                        continue;
                    }

                    throw new LinkCheckConfigurationException($"--import: the value '{OneLine(value)}' holds a lone UTF-16 surrogate, which a YAML file cannot hold: not imported");
                }

                _ = c switch
                {
                    '"' => text.Append("\\\""),
                    '\\' => text.Append("\\\\"),
                    _ when NeedsEscape(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                    _ => text.Append(c),
                };
            }

            return text.Append('"').ToString();
        }

        // Controls, and what YAML 1.1 parsers take as line breaks (NEL, LS, PS) or a byte order mark.
        private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c);

        /// <summary>Line breaks and other controls would end a comment or a scalar early: they become spaces.</summary>
        private static string OneLine(string value) =>
            value.AsSpan().ContainsAnyInRange('\0', '\u001F') ? new string([.. value.Select(c => char.IsControl(c) ? ' ' : c)]) : value;
    }
}

/// <summary>Source-generated TOML metadata for the untyped table model, so importing stays trim-safe in the container build.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext;
