namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Every key <c>.linkcheck.yml</c> accepts and its type, derived from the <see cref="SettingsTable"/>: one per
/// setting, named like its option without the dashes, and positive where the option is negative
/// (<c>gitignore: false</c> for <c>--no-gitignore</c>). docs/linkcheck.schema.json describes the same keys; a test
/// keeps the two equal.
/// </summary>
internal static class ConfigSchema
{
    /// <summary>The keys and their types.</summary>
    public static IReadOnlyDictionary<string, ConfigKeyType> Keys { get; } =
        SettingsTable.All.ToDictionary(s => s.Key, s => s.Type, StringComparer.Ordinal);

    /// <summary>The keys of one <c>hosts:</c> entry.</summary>
    public static IReadOnlyList<string> HostKeys { get; } = ["concurrency", "interval", "headers", "insecure"];

    /// <summary>The keys of one <c>sites:</c> entry.</summary>
    public static IReadOnlyList<string> SiteKeys { get; } = ["root", "generator", "base-url"];

    /// <summary>The smallest value of a whole-number key, where it is not 0.</summary>
    public static IReadOnlyDictionary<string, int> Minimums { get; } =
        SettingsTable.All.Where(s => s.Minimum is not null).ToDictionary(s => s.Key, s => s.Minimum!.Value, StringComparer.Ordinal);

    /// <summary>Values a text key is limited to.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; } =
        SettingsTable.All.Where(s => s.Choices is not null).ToDictionary(s => s.Key, s => s.Choices!, StringComparer.Ordinal);
}
