using LinkCheck.Cli.Configuration;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>Issue 9, point 9: --import carries every pattern over exactly, control characters included, or refuses.</summary>
public sealed class ImportExactnessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Import_PatternsWithLineBreaksNulAndQuotes_LoadBackExactly()
    {
        string[] patterns = ["x\n- injected", "a\u0000b", "tab\there", "it's \"quoted\" \\d+", "nel\u0085ls\u2028end", "emoji 😀"];
        var json = "{\"ignorePatterns\": [" + string.Join(", ", patterns.Select(p => "{\"pattern\": " + System.Text.Json.JsonSerializer.Serialize(p) + "}")) + "]}";
        var source = _dir.Write("mlc.json", json);

        var yaml = ConfigImporter.Import(source);
        var config = ConfigFile.Load(_dir.Write(".linkcheck.yml", yaml), _ => null);

        Assert.Equal(patterns, config.List("exclude"));
        Assert.DoesNotContain("\n- injected", yaml, StringComparison.Ordinal);
    }
}
