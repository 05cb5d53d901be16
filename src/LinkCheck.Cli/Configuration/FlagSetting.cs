using System.CommandLine;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// An on/off setting: <c>--x</c> for one that is off by default, <c>--no-x</c> for one that is on by default; the
/// configuration key is always positive (<c>x: true|false</c>). A flag may have both forms (<c>--pr-comment</c> and
/// <c>--no-pr-comment</c>), and a different default in the action than on the command line.
/// </summary>
internal sealed class FlagSetting : Setting
{
    private readonly Option<bool> _option;

    /// <param name="option">The option's name: <c>--x</c> turns the setting on, <c>--no-x</c> turns it off.</param>
    /// <param name="description">The help text.</param>
    /// <param name="apply">Where the value goes.</param>
    /// <param name="aliases">Short forms (<c>-q</c>).</param>
    public FlagSetting(string option, string description, Func<RunOptions, bool, RunOptions> apply, params string[] aliases)
    {
        _option = new Option<bool>(option, aliases) { Description = description };
        Negated = option.StartsWith("--no-", StringComparison.Ordinal);
        Apply = apply;
    }

    /// <summary>True for a <c>--no-x</c> option: the setting is on unless turned off.</summary>
    public bool Negated { get; }

    /// <summary>The value when neither the command line nor the file sets it.</summary>
    public bool Default => Negated;

    /// <summary>The other form, when the flag has both (<c>--no-pr-comment</c> beside <c>--pr-comment</c>).</summary>
    public Option<bool>? Opposite { get; init; }

    /// <summary>The action input (action.yml) that sets it, and the input's default there.</summary>
    public (string Name, bool Default)? ActionInput { get; init; }

    /// <summary>Where the value goes.</summary>
    public Func<RunOptions, bool, RunOptions> Apply { get; }

    /// <summary>The option.</summary>
    public Option<bool> Option => _option;

    /// <inheritdoc/>
    public override ConfigKeyType Type => ConfigKeyType.Boolean;

    /// <inheritdoc/>
    public override IReadOnlyList<Option> Options => Opposite is null ? [_option] : [_option, Opposite];

    /// <summary>The command-line argument that gives the flag <paramref name="value"/>, or null when it is the default.</summary>
    public string? ArgumentFor(bool value, bool defaultValue) =>
        value == defaultValue ? null
        : value != Negated ? _option.Name
        : Opposite?.Name;

    /// <inheritdoc/>
    public override RunOptions ApplyTo(RunOptions run, Settings settings) => Apply(run, settings.Get(this));
}
