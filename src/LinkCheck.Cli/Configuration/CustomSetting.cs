using System.CommandLine;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// A setting whose value is settled by its own rule (paths relative to the file, per-host limits that combine a
/// key and an option, an enum): the row still names its key, type, options and group, so it is listed, loaded
/// and documented like the others.
/// </summary>
internal sealed class CustomSetting : Setting
{
    /// <param name="type">The configuration key's type.</param>
    /// <param name="options">The command-line options (none for a file-only key).</param>
    /// <param name="apply">Settles the value and puts it into the run's options.</param>
    public CustomSetting(ConfigKeyType type, IReadOnlyList<Option> options, Func<RunOptions, Settings, RunOptions> apply)
    {
        Type = type;
        Options = options;
        Apply = apply;
    }

    /// <summary>Settles the value and puts it into the run's options.</summary>
    public Func<RunOptions, Settings, RunOptions> Apply { get; }

    /// <summary>
    /// The action input that carries this setting, one value per line, each passed to the first option (null when
    /// the action has none).
    /// </summary>
    public string? ActionInput { get; init; }

    /// <inheritdoc/>
    public override ConfigKeyType Type { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Option> Options { get; }

    /// <inheritdoc/>
    public override RunOptions ApplyTo(RunOptions run, Settings settings) => Apply(run, settings);
}
