using System.CommandLine;

namespace LinkCheck.Cli.Configuration;

/// <summary>A repeatable setting: the file's items, then the command line's (a command-line item adds, never replaces).</summary>
internal sealed class ListSetting : Setting
{
    /// <param name="option">The repeatable option.</param>
    /// <param name="apply">Where the items go.</param>
    public ListSetting(Option<string[]> option, Func<RunOptions, IReadOnlyList<string>, RunOptions> apply)
    {
        Option = option;
        Apply = apply;
    }

    /// <summary>The option.</summary>
    public Option<string[]> Option { get; }

    /// <summary>The action input (one item per line) that adds items, if any.</summary>
    public string? ActionInput { get; init; }

    /// <summary>
    /// Checks one command-line item, naming the option in its error (the file's items are checked by the loader,
    /// which names the file and line): the item and the option's name.
    /// </summary>
    public Action<string, string>? Check { get; init; }

    /// <summary>Where the items go.</summary>
    public Func<RunOptions, IReadOnlyList<string>, RunOptions> Apply { get; }

    /// <inheritdoc/>
    public override ConfigKeyType Type => ConfigKeyType.TextList;

    /// <inheritdoc/>
    public override IReadOnlyList<Option> Options => [Option];

    /// <inheritdoc/>
    public override RunOptions ApplyTo(RunOptions run, Settings settings) => Apply(run, settings.Get(this));
}
