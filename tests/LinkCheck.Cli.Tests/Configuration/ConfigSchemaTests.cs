using System.Text.Json.Nodes;
using LinkCheck.Cli.Configuration;
using LinkCheck.Core;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace LinkCheck.Cli.Tests.Configuration;

/// <summary>docs/linkcheck.schema.json, the documented example and the README agree with the code.</summary>
public sealed class ConfigSchemaTests
{
    private static string Docs(string name) => Path.Combine(AppContext.BaseDirectory, "Docs", name);

    private static async Task<JsonSchema> SchemaAsync() => await JsonSchema.FromFileAsync(Docs("linkcheck.schema.json"));

    [Fact]
    public async Task Schema_HasExactlyTheKeysTheLoaderAccepts()
    {
        var schema = await SchemaAsync();
        Assert.Equal(ConfigSchema.Keys.Keys.Order(StringComparer.Ordinal), schema.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.False(schema.AllowAdditionalProperties);
    }

    [Fact]
    public async Task Example_ValidatesAgainstTheSchema()
    {
        var schema = await SchemaAsync();
        var errors = schema.Validate(YamlToJson(await File.ReadAllTextAsync(Docs("linkcheck.example.yml")))!.ToJsonString());
        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("exlude:\n  - x\n", """{ "exlude": ["x"] }""", "exlude")]
    [InlineData("offline: sometimes\n", """{ "offline": "sometimes" }""", "offline")]
    [InlineData("timeout: soon\n", """{ "timeout": "soon" }""", "timeout")]
    [InlineData("hosts:\n  github.com:\n    rate: 1\n", """{ "hosts": { "github.com": { "rate": 1 } } }""", "rate")]
    [InlineData("max-concurrency: 0\n", """{ "max-concurrency": 0 }""", "max-concurrency")]
    public async Task Schema_RejectsWhatTheLoaderRejects(string yaml, string json, string key)
    {
        var schema = await SchemaAsync();
        var errors = schema.Validate(json);
        Assert.Contains(errors, e => e.ToString().Contains(key, StringComparison.Ordinal));

        using var dir = new TempDirectory();
        var path = dir.Write(".linkcheck.yml", yaml);
        var loader = Assert.Throws<LinkCheckConfigurationException>(() => ConfigFile.Load(path, _ => null));
        Assert.StartsWith(path + ":", loader.Message, StringComparison.Ordinal);
        Assert.Contains(key, loader.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Example_MentionsEveryKey()
    {
        var example = await File.ReadAllTextAsync(Docs("linkcheck.example.yml"));
        var missing = ConfigSchema.Keys.Keys.Where(k => !example.Contains("\n" + k + ":", StringComparison.Ordinal) && !example.Contains("# " + k + ":", StringComparison.Ordinal));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Readme_ShowsTheExampleVerbatim()
    {
        var readme = await File.ReadAllTextAsync(Docs("README.md"));
        var example = await File.ReadAllTextAsync(Docs("linkcheck.example.yml"));
        Assert.Contains("```yaml\n" + example + "```", readme, StringComparison.Ordinal);
    }

    /// <summary>YAML to JSON with YAML 1.2 core-schema scalars (true/false, integers), as a YAML-aware editor reads it.</summary>
    private static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
            YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when long.TryParse(s.Value, out var n) => JsonValue.Create(n),
            YamlScalarNode s => JsonValue.Create(s.Value),
            _ => null,
        };
    }
}
