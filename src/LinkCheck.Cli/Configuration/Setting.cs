using System.CommandLine;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// One row of the <see cref="SettingsTable"/>: a setting's configuration key and type, its command-line option, its
/// help group, the action input that sets it, and where its value goes in <see cref="RunOptions"/>. Everything
/// that names settings (the option list, the configuration loader's keys, the action's inputs, the help) is
/// derived from the rows, so a new setting is one row.
/// </summary>
internal abstract class Setting
{
    /// <summary>The key in <c>.linkcheck.yml</c>: the option's name without dashes, positive for <c>--no-x</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Where the setting is listed in <c>--help</c>.</summary>
    public required SettingGroup Group { get; init; }

    /// <summary>The type the configuration loader checks the key's value against.</summary>
    public abstract ConfigKeyType Type { get; }

    /// <summary>The command-line options of the setting (none for a configuration-only key such as <c>hosts</c>).</summary>
    public abstract IReadOnlyList<Option> Options { get; }

    /// <summary>The smallest value of a whole-number key.</summary>
    public int? Minimum { get; init; }

    /// <summary>The values a text key is limited to.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Puts the setting's settled value into the run's options.</summary>
    public abstract RunOptions ApplyTo(RunOptions run, Settings settings);
}
