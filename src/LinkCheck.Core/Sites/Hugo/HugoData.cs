using System.Globalization;
using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Hugo;

/// <summary>
/// Configuration and front matter as plain values: tables become case-insensitive dictionaries (Hugo's keys are
/// case-insensitive), arrays lists, scalars strings or booleans. Reads the three formats Hugo accepts (TOML, YAML,
/// JSON); MkDocs (YAML) and mdBook (TOML) use it too.
/// </summary>
internal static class HugoData
{
    /// <summary>Parses a whole file in <paramref name="format"/> (<c>toml</c>, <c>yaml</c>, <c>json</c>).</summary>
    /// <exception cref="SiteConfigurationException">The text is not valid in that format.</exception>
    public static Dictionary<string, object?> Parse(string text, string format, string source)
    {
        try
        {
            return format switch
            {
                "toml" => (Dictionary<string, object?>)FromToml(TomlSerializer.Deserialize(text, HugoTomlContext.Default.TomlTable)!)!,
                "json" => FromJson(JsonDocument.Parse(text).RootElement) as Dictionary<string, object?> ?? Empty(),
                _ => FromYaml(text),
            };
        }
        catch (Exception e) when (e is TomlException or YamlException or JsonException)
        {
            throw new SiteConfigurationException($"{source}: not valid {format.ToUpperInvariant()}: {e.Message.Split('\n')[0].Trim()}", e);
        }
    }

    /// <summary>
    /// The front matter of a page (<c>---</c> YAML, <c>+++</c> TOML, <c>{</c> JSON), or an empty table; a front
    /// matter that cannot be parsed is an empty table too (Hugo would stop: the page is judged with its defaults).
    /// </summary>
    public static Dictionary<string, object?> FrontMatter(string? head)
    {
        if (string.IsNullOrEmpty(head))
        {
            return Empty();
        }

        head = head.TrimStart('\uFEFF');
        var (fence, format) = head.StartsWith("---", StringComparison.Ordinal) ? ("---", "yaml") : head.StartsWith("+++", StringComparison.Ordinal) ? ("+++", "toml") : (null, null);
        try
        {
            if (fence is null)
            {
                return head.StartsWith('{') && FromJson(JsonDocument.Parse(JsonPrefix(head)).RootElement) is Dictionary<string, object?> json ? json : Empty();
            }

            var firstBreak = head.IndexOf('\n', StringComparison.Ordinal);
            if (firstBreak < 0 || head[..firstBreak].Trim() != fence)
            {
                return Empty();
            }

            var end = head.IndexOf("\n" + fence, firstBreak, StringComparison.Ordinal);
            if (end < 0)
            {
                return Empty();
            }

            return Parse(head[(firstBreak + 1)..(end + 1)], format!, "front matter");
        }
        catch (Exception e) when (e is SiteConfigurationException or JsonException)
        {
            return Empty();
        }
    }

    /// <summary>The value at a dotted path (<c>markup.goldmark.parser.autoHeadingIDType</c>), or null.</summary>
    public static object? Get(Dictionary<string, object?> table, string path)
    {
        object? current = table;
        foreach (var part in path.Split('.'))
        {
            if (current is not Dictionary<string, object?> inner || !inner.TryGetValue(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A string value (numbers and booleans as text), or null.</summary>
    public static string? String(Dictionary<string, object?> table, string path) => Get(table, path) switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A boolean value (<c>true</c>, <c>"true"</c>), or <paramref name="fallback"/>.</summary>
    public static bool Bool(Dictionary<string, object?> table, string path, bool fallback) => Get(table, path) switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var parsed) => parsed,
        _ => fallback,
    };

    /// <summary>A list of strings (a single string counts as a list of one), or empty.</summary>
    public static IReadOnlyList<string> Strings(Dictionary<string, object?> table, string path) => Get(table, path) switch
    {
        string s => [s],
        List<object?> list => [.. list.OfType<string>()],
        _ => [],
    };

    private static Dictionary<string, object?> Empty() => new(StringComparer.OrdinalIgnoreCase);

    private static object? FromToml(object? value) => value switch
    {
        TomlTable table => table.ToDictionary(p => p.Key, p => FromToml(p.Value), StringComparer.OrdinalIgnoreCase),
        TomlArray array => array.Select(FromToml).ToList(),
        TomlTableArray tables => tables.Select(t => FromToml(t)).ToList(),
        _ => value,
    };

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => FromJson(g.Last().Value), StringComparer.OrdinalIgnoreCase),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    private static Dictionary<string, object?> FromYaml(string text)
    {
        var stream = SiteYaml.Load(text);
        return stream.Documents.Count > 0 && FromYaml(stream.Documents[0].RootNode) is Dictionary<string, object?> table ? table : Empty();
    }

    private static object? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children
            .Where(p => p.Key is YamlScalarNode { Value: not null })
            .GroupBy(p => ((YamlScalarNode)p.Key).Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => FromYaml(g.Last().Value), StringComparer.OrdinalIgnoreCase),
        YamlSequenceNode sequence => sequence.Children.Select(FromYaml).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" } => true,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" } => false,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" } => null,
        // A tag such as MkDocs' !!python/name:markdown.extensions.toc.slugify_unicode is kept with the value.
        YamlScalarNode scalar => scalar.Tag.IsEmpty || scalar.Tag.Value is "tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:bool" ? scalar.Value : (scalar.Tag.Value + " " + scalar.Value).Trim(),
        _ => null,
    };

    /// <summary>The JSON object a JSON front matter starts with (the page's content follows it).</summary>
    private static string JsonPrefix(string head)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(head), new JsonReaderOptions { AllowTrailingCommas = true });
        reader.Read();
        reader.Skip();
        return System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(head), 0, (int)reader.BytesConsumed);
    }
}

/// <summary>Source-generated TOML metadata for the untyped table model (trim-safe in the container build).</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class HugoTomlContext : TomlSerializerContext;
