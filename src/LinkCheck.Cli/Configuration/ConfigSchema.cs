namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Every key <c>.linkcheck.yml</c> accepts and its type: one per command-line option, named like the option
/// without its dashes, and positive where the option is negative (<c>gitignore: false</c> for
/// <c>--no-gitignore</c>). docs/linkcheck.schema.json describes the same keys; a test keeps the two equal.
/// </summary>
internal static class ConfigSchema
{
    /// <summary>The keys and their types.</summary>
    public static IReadOnlyDictionary<string, ConfigKeyType> Keys { get; } = new Dictionary<string, ConfigKeyType>(StringComparer.Ordinal)
    {
        ["paths"] = ConfigKeyType.TextList,
        ["root-dir"] = ConfigKeyType.Text,
        ["offline"] = ConfigKeyType.Boolean,
        ["format"] = ConfigKeyType.Text,
        ["output"] = ConfigKeyType.Text,
        ["exclude"] = ConfigKeyType.TextList,
        ["include"] = ConfigKeyType.TextList,
        ["exclude-path"] = ConfigKeyType.TextList,
        ["include-path"] = ConfigKeyType.TextList,
        ["gitignore"] = ConfigKeyType.Boolean,
        ["max-file-size"] = ConfigKeyType.Size,
        ["exclude-private"] = ConfigKeyType.Boolean,
        ["exclude-loopback"] = ConfigKeyType.Boolean,
        ["remap"] = ConfigKeyType.TextList,
        ["headers"] = ConfigKeyType.TextList,
        ["user-agent"] = ConfigKeyType.Text,
        ["timeout"] = ConfigKeyType.Duration,
        ["max-concurrency"] = ConfigKeyType.WholeNumber,
        ["host-concurrency"] = ConfigKeyType.WholeNumber,
        ["host-request-interval"] = ConfigKeyType.Duration,
        ["hosts"] = ConfigKeyType.Hosts,
        ["sites"] = ConfigKeyType.Sites,
        ["max-redirects"] = ConfigKeyType.WholeNumber,
        ["max-retries"] = ConfigKeyType.WholeNumber,
        ["max-retry-wait"] = ConfigKeyType.Duration,
        ["accept"] = ConfigKeyType.StatusCodes,
        ["unverified"] = ConfigKeyType.Text,
        ["accept-timeouts"] = ConfigKeyType.Boolean,
        ["remote-fragments"] = ConfigKeyType.Boolean,
        ["cache"] = ConfigKeyType.Boolean,
        ["cache-file"] = ConfigKeyType.Text,
        ["max-cache-age"] = ConfigKeyType.Duration,
        ["fail"] = ConfigKeyType.Boolean,
        ["changed-since"] = ConfigKeyType.Text,
        ["only-changed"] = ConfigKeyType.Boolean,
        ["annotations"] = ConfigKeyType.Boolean,
        ["job-summary"] = ConfigKeyType.Boolean,
        ["pr-comment"] = ConfigKeyType.Boolean,
        ["check-run"] = ConfigKeyType.Boolean,
        ["suggest-fixes"] = ConfigKeyType.Boolean,
        ["progress"] = ConfigKeyType.Boolean,
        ["color"] = ConfigKeyType.Boolean,
        ["quiet"] = ConfigKeyType.Boolean,
        ["verbose"] = ConfigKeyType.Boolean,
    };

    /// <summary>The keys of one <c>hosts:</c> entry.</summary>
    public static IReadOnlyList<string> HostKeys { get; } = ["concurrency", "interval", "headers"];

    /// <summary>The keys of one <c>sites:</c> entry.</summary>
    public static IReadOnlyList<string> SiteKeys { get; } = ["root", "generator", "base-url"];

    /// <summary>The smallest value of a whole-number key, where it is not 0.</summary>
    public static IReadOnlyDictionary<string, int> Minimums { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["max-concurrency"] = 1,
        ["host-concurrency"] = 1,
    };

    /// <summary>Values a text key is limited to.</summary>
    public static IReadOnlyDictionary<string, string[]> Choices { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["format"] = ["text", "json", "sarif", "markdown", "junit"],
        ["unverified"] = ["fail", "warn", "ignore"],
    };
}
