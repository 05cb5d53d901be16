using System.CommandLine;

namespace LinkCheck.Cli.Configuration;

/// <summary>A setting with one value: the command line's, else the file's, else the default.</summary>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class ValueSetting<T> : Setting
{
    /// <param name="option">The option (its default is the setting's default).</param>
    /// <param name="type">The configuration key's type.</param>
    /// <param name="apply">Where the value goes.</param>
    public ValueSetting(Option<T> option, ConfigKeyType type, Func<RunOptions, T, RunOptions> apply)
    {
        Option = option;
        Type = type;
        Apply = apply;
    }

    /// <summary>The option.</summary>
    public Option<T> Option { get; }

    /// <summary>Where the value goes.</summary>
    public Func<RunOptions, T, RunOptions> Apply { get; }

    /// <inheritdoc/>
    public override ConfigKeyType Type { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Option> Options => [Option];

    /// <inheritdoc/>
    public override RunOptions ApplyTo(RunOptions run, Settings settings) => Apply(run, settings.Get(this));
}
