using System.Globalization;
using System.Text.RegularExpressions;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Filtering;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Resolution;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// A loaded <c>.linkcheck.yml</c>: every value checked against <see cref="ConfigSchema"/> when the file is read,
/// so an unknown key, a wrong type or a bad regular expression is one error naming the file, the line and the
/// key (exit code 2), never a surprise later. Header values may use <c>${VARIABLE}</c>.
/// </summary>
internal sealed partial class ConfigFile
{
    /// <summary>The names looked for at the repository root, in order.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = [".linkcheck.yml", ".linkcheck.yaml"];

    private readonly Dictionary<string, (YamlNode Node, int Line)> _values;

    private ConfigFile(string path, Dictionary<string, (YamlNode, int)> values, IReadOnlyList<HostSetting> hosts, IReadOnlyList<string> warnings)
    {
        Path = path;
        Sites = values.TryGetValue("sites", out var sites) ? ReadSites(path, sites.Item1) : [];
        _values = values;
        Hosts = hosts;
        Warnings = warnings;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The folder relative paths in the file are relative to.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>The <c>hosts:</c> entries.</summary>
    public IReadOnlyList<HostSetting> Hosts { get; }

    /// <summary>
    /// The <c>sites:</c> entries, roots relative to the file's folder as written; empty when unset or <c>none</c>
    /// (see <see cref="SitesOff"/>).
    /// </summary>
    public IReadOnlyList<LinkCheck.Core.Sites.SiteOverride> Sites { get; }

    /// <summary>True for <c>sites: none</c>: no site detection.</summary>
    public bool SitesOff => Text("sites") == LinkCheck.Core.Sites.SiteRegistry.NoneName;

    /// <summary>Things worth saying that are not errors (a header skipped because its variable is not set).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when the file sets <paramref name="key"/>.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>A boolean key, or null when unset.</summary>
    public bool? Boolean(string key) => _values.TryGetValue(key, out var v) ? Scalar(v.Node) == "true" : null;

    /// <summary>An integer key, or null when unset.</summary>
    public int? WholeNumber(string key) => _values.TryGetValue(key, out var v) ? int.Parse(Scalar(v.Node)!, CultureInfo.InvariantCulture) : null;

    /// <summary>A text key, or null when unset.</summary>
    public string? Text(string key) => _values.TryGetValue(key, out var v) ? Scalar(v.Node) : null;

    /// <summary>A list key (empty when unset).</summary>
    public IReadOnlyList<string> List(string key) => _values.TryGetValue(key, out var v) ? Items(v.Node) : [];

    /// <summary>A duration key, or null when unset.</summary>
    public TimeSpan? Duration(string key) => _values.TryGetValue(key, out var v) && Durations.TryParse(Scalar(v.Node)!, out var d) ? d : null;

    /// <summary>A size key in bytes, or null when unset.</summary>
    public long? Size(string key) => _values.TryGetValue(key, out var v) ? Sizes.Parse(Scalar(v.Node)!) : null;

    /// <summary>The accepted status codes, or null when unset.</summary>
    public StatusCodeSet? StatusCodes(string key) => _values.TryGetValue(key, out var v) ? StatusCodeSet.Parse(string.Join(',', Items(v.Node)), Where(key)) : null;

    /// <summary>Where a key is set, <c>file:line</c>, for messages.</summary>
    public string Where(string key) => _values.TryGetValue(key, out var v) ? $"{Path}:{v.Line}" : Path;

    /// <summary>Reads and checks a configuration file.</summary>
    /// <exception cref="LinkCheckConfigurationException">The file cannot be read, is not YAML, or has a bad key or value.</exception>
    public static ConfigFile Load(string path, Func<string, string?> environment)
    {
        string text;
        if (File.Exists(path) && !RegularFile.Is(path))
        {
            throw new LinkCheckConfigurationException($"{path}: cannot read the configuration: not a regular file");
        }

        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LinkCheckConfigurationException($"{path}: cannot read the configuration: {e.Message}", e);
        }

        return Parse(path, text, environment);
    }

    /// <summary>Checks configuration text as <see cref="Load"/> does, named <paramref name="path"/> in messages (fuzz/ calls it without a file).</summary>
    /// <exception cref="LinkCheckConfigurationException">The text is not YAML or has a bad key or value.</exception>
    internal static ConfigFile Parse(string path, string text, Func<string, string?> environment)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new LinkCheckConfigurationException($"{path}:{e.Start.Line}: not valid YAML: {FirstLine(e.Message)}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException for some malformed documents (a flow collection cut
            // by a control character, an empty or bad %TAG prefix, a stray !! tag): found by fuzz/run.sh, whose
            // inputs are in fuzz/crashes/config. Still one clear error, not an "internal error".
            throw new LinkCheckConfigurationException($"{path}: not valid YAML: the parser stopped ({FirstLine(e.Message)})", e);
        }

        var values = new Dictionary<string, (YamlNode, int)>(StringComparer.Ordinal);
        var hosts = new List<HostSetting>();
        var warnings = new List<string>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ConfigFile(path, values, hosts, warnings);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new LinkCheckConfigurationException($"{path}:{Line(stream.Documents[0].RootNode)}: the configuration must be a mapping of keys to values");
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var line = Line(keyNode);
            if (!ConfigSchema.Keys.TryGetValue(key, out var type))
            {
                var closest = Closest.Find(key.Replace('_', '-'), ConfigSchema.Keys.Keys);
                throw new LinkCheckConfigurationException($"{path}:{line}: unknown key '{key}'{(closest is null ? string.Empty : $" (did you mean '{closest}'?)")}");
            }

            var where = $"{path}:{Line(valueNode)}: {key}";
            Check(where, key, type, valueNode);
            if (type == ConfigKeyType.Hosts)
            {
                hosts.AddRange(ReadHosts(path, (YamlMappingNode)valueNode, environment, warnings));
            }

            values[key] = (valueNode, line);
        }

        return new ConfigFile(path, values, hosts, warnings);
    }

    private static void Check(string where, string key, ConfigKeyType type, YamlNode node)
    {
        switch (type)
        {
            case ConfigKeyType.Boolean:
                if (Scalar(node) is not ("true" or "false") || IsQuoted(node))
                {
                    throw Error(where, "expected true or false", node);
                }

                break;
            case ConfigKeyType.WholeNumber:
                if (!int.TryParse(Scalar(node), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || IsQuoted(node))
                {
                    throw Error(where, "expected a whole number", node);
                }

                if (ConfigSchema.Minimums.TryGetValue(key, out var minimum) && number < minimum)
                {
                    throw Error(where, $"expected at least {minimum}", node);
                }

                break;
            case ConfigKeyType.Text:
                if (node is not YamlScalarNode)
                {
                    throw Error(where, "expected a text", node);
                }

                if (ConfigSchema.Choices.TryGetValue(key, out var choices) && !choices.Contains(Scalar(node)))
                {
                    throw Error(where, "expected one of " + string.Join(", ", choices), node);
                }

                break;
            case ConfigKeyType.TextList:
                if (node is YamlMappingNode || (node is YamlSequenceNode sequence && sequence.Children.Any(c => c is not YamlScalarNode)))
                {
                    throw Error(where, "expected a list of texts", node);
                }

                CheckPatterns(where, key, node);
                break;
            case ConfigKeyType.Duration:
                if (Scalar(node) is not { } duration || !Durations.TryParse(duration, out _))
                {
                    throw Error(where, "expected a duration such as 500ms, 20s, 2m or 1d", node);
                }

                break;
            case ConfigKeyType.Size:
                if (Scalar(node) is not { } size || Sizes.Parse(size) is null)
                {
                    throw Error(where, "expected a size such as 1048576, 512KB or 64MB", node);
                }

                break;
            case ConfigKeyType.StatusCodes:
                if (node is YamlMappingNode)
                {
                    throw Error(where, "expected status codes such as 200..=299,403", node);
                }

                StatusCodeSet.Parse(string.Join(',', Items(node)), where);

                break;
            case ConfigKeyType.Hosts:
                if (node is not YamlMappingNode)
                {
                    throw Error(where, "expected a mapping of host names to settings", node);
                }

                break;
        }
    }

    private static void CheckPatterns(string where, string key, YamlNode node)
    {
        var items = Items(node);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                switch (key)
                {
                    case "exclude" or "include":
                        UrlPattern.Validate(items[i], key);
                        break;
                    case "remap":
                        UrlRemapper.Create([items[i]]);
                        break;
                    case "headers":
                        HostHeader.Parse(items[i]);
                        break;
                    case "basic-auth":
                        BasicCredentials.Parse(items[i]);
                        break;
                }
            }
            catch (LinkCheckConfigurationException e)
            {
                var item = node is YamlSequenceNode sequence ? $"{where.Split(':')[0]}:{Line(sequence.Children[i])}: {key}[{i + 1}]" : where;
                throw new LinkCheckConfigurationException($"{item}: {e.Message}", e);
            }
        }
    }

    /// <summary>Reads <c>sites:</c>: <c>none</c>, or a list of <c>{ root, generator, base-url }</c>.</summary>
    private static List<LinkCheck.Core.Sites.SiteOverride> ReadSites(string path, YamlNode node)
    {
        var result = new List<LinkCheck.Core.Sites.SiteOverride>();
        if (node is YamlScalarNode)
        {
            return Scalar(node) == LinkCheck.Core.Sites.SiteRegistry.NoneName
                ? result
                : throw Error($"{path}:{Line(node)}: sites", "expected none or a list of sites (root, generator, base-url)", node);
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error($"{path}:{Line(node)}: sites", "expected none or a list of sites (root, generator, base-url)", node);
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var where = $"{path}:{Line(sequence.Children[i])}: sites[{i + 1}]";
            if (sequence.Children[i] is not YamlMappingNode entry)
            {
                throw Error(where, "expected root, generator and base-url settings", sequence.Children[i]);
            }

            string? root = null, generator = null;
            Uri? baseUrl = null;
            foreach (var (keyNode, valueNode) in entry.Children)
            {
                var key = Scalar(keyNode) ?? string.Empty;
                if (valueNode is not YamlScalarNode)
                {
                    throw Error($"{where}.{key}", "expected a text", valueNode);
                }

                switch (key)
                {
                    case "root":
                        root = Scalar(valueNode);
                        break;
                    case "generator":
                        generator = Scalar(valueNode);
                        if (generator is null || !LinkCheck.Core.Sites.SiteRegistry.Names.Contains(generator, StringComparer.OrdinalIgnoreCase))
                        {
                            throw Error($"{where}.generator", "expected one of " + string.Join(", ", LinkCheck.Core.Sites.SiteRegistry.Names), valueNode);
                        }

                        break;
                    case "base-url":
                        if (!Uri.TryCreate(Scalar(valueNode), UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                        {
                            throw Error($"{where}.base-url", "expected an absolute http(s) URL such as https://user.github.io/blog/", valueNode);
                        }

                        break;
                    default:
                        throw new LinkCheckConfigurationException($"{where}: unknown key '{key}' (expected {string.Join(", ", ConfigSchema.SiteKeys)})");
                }
            }

            if (generator is null)
            {
                throw new LinkCheckConfigurationException($"{where}: generator is required (one of {string.Join(", ", LinkCheck.Core.Sites.SiteRegistry.Names)})");
            }

            result.Add(new LinkCheck.Core.Sites.SiteOverride(root ?? ".", generator.ToLowerInvariant(), baseUrl));
        }

        return result;
    }

    private static List<HostSetting> ReadHosts(string path, YamlMappingNode hosts, Func<string, string?> environment, List<string> warnings)
    {
        var result = new List<HostSetting>();
        foreach (var (hostNode, settingsNode) in hosts.Children)
        {
            var host = Scalar(hostNode) ?? string.Empty;
            var where = $"{path}:{Line(hostNode)}: hosts.{host}";
            if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal))
            {
                throw new LinkCheckConfigurationException($"{where}: expected a host name such as github.com");
            }

            if (settingsNode is not YamlMappingNode settings)
            {
                throw Error(where, "expected concurrency, interval, headers and insecure settings", settingsNode);
            }

            int? concurrency = null;
            TimeSpan? interval = null;
            var insecure = false;
            var headers = new List<HostHeader>();
            foreach (var (keyNode, valueNode) in settings.Children)
            {
                var key = Scalar(keyNode);
                var at = $"{path}:{Line(valueNode)}: hosts.{host}.{key}";
                switch (key)
                {
                    case "concurrency":
                        Check(at, "host-concurrency", ConfigKeyType.WholeNumber, valueNode);
                        concurrency = int.Parse(Scalar(valueNode)!, CultureInfo.InvariantCulture);

                        break;
                    case "interval":
                        Check(at, key, ConfigKeyType.Duration, valueNode);
                        interval = Durations.TryParse(Scalar(valueNode)!, out var d) ? d : null;
                        break;
                    case "insecure":
                        Check(at, key, ConfigKeyType.Boolean, valueNode);
                        insecure = Scalar(valueNode) == "true";
                        break;
                    case "headers":
                        if (valueNode is not YamlMappingNode headerMap)
                        {
                            throw Error(at, "expected a mapping of header names to values", valueNode);
                        }

                        foreach (var (nameNode, headerValue) in headerMap.Children)
                        {
                            var name = Scalar(nameNode) ?? string.Empty;
                            var value = Expand(Scalar(headerValue) ?? string.Empty, environment, out var missing);
                            if (missing is not null)
                            {
                                warnings.Add($"{path}:{Line(headerValue)}: header {name} for {host} is not sent: ${{{missing}}} is not set");
                                continue;
                            }

                            try
                            {
                                headers.Add(HostHeader.Parse($"{host}: {name}: {value}"));
                            }
                            catch (LinkCheckConfigurationException)
                            {
                                throw new LinkCheckConfigurationException($"{path}:{Line(nameNode)}: hosts.{host}.headers: '{name}' is not a valid header");
                            }
                        }

                        break;
                    default:
                        throw new LinkCheckConfigurationException($"{path}:{Line(keyNode)}: hosts.{host}: unknown key '{key}' (expected {string.Join(", ", ConfigSchema.HostKeys)})");
                }
            }

            result.Add(new HostSetting(host.ToLowerInvariant(), concurrency, interval, headers, insecure));
        }

        return result;
    }

    /// <summary>Replaces <c>${NAME}</c> with the environment variable; reports the first one that is not set.</summary>
    private static string Expand(string value, Func<string, string?> environment, out string? missing)
    {
        string? firstMissing = null;
        var expanded = Variable().Replace(value, match =>
        {
            var found = environment(match.Groups[1].Value);
            if (found is null)
            {
                firstMissing ??= match.Groups[1].Value;
            }

            return found ?? string.Empty;
        });
        missing = firstMissing;
        return expanded;
    }

    private static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static bool IsQuoted(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted };

    private static List<string> Items(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(c => Scalar(c) ?? string.Empty)],
        YamlScalarNode { Value: { } value } => [value],
        _ => [],
    };

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static LinkCheckConfigurationException Error(string where, string expected, YamlNode node) =>
        new($"{where}: {expected}, not {Describe(node)}");

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: var value } => $"'{value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
