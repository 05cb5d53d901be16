using System.CommandLine;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Each setting of a run, from the first place that sets it: the command line (which, in the action, carries the
/// action's inputs), then the configuration file, then the default. Lists are the exception: the file's and the
/// command line's items are combined, so a command-line <c>--exclude</c> adds to the file's exclusions.
/// </summary>
internal sealed class Settings
{
    private readonly ParseResult _parse;

    public Settings(ParseResult parse, ConfigFile? config)
    {
        _parse = parse;
        Config = config;
    }

    /// <summary>The configuration file, when there is one.</summary>
    public ConfigFile? Config { get; }

    /// <summary>True when the option was typed on the command line (not its default).</summary>
    public bool IsExplicit(Option option) => _parse.GetResult(option) is { Implicit: false };

    /// <summary>A flag such as <c>--offline</c>: the command line turns it on, else the file's key, else off.</summary>
    public bool Flag(Option<bool> option, string key) =>
        IsExplicit(option) ? _parse.GetValue(option) : Config?.Boolean(key) ?? false;

    /// <summary>A setting that is on by default, turned off by <c>--no-x</c> or <c>x: false</c>.</summary>
    public bool OnUnless(Option<bool> noOption, string key) =>
        IsExplicit(noOption) ? !_parse.GetValue(noOption) : Config?.Boolean(key) ?? true;

    /// <summary>A value: the command line, else the file, else the option's default.</summary>
    public T Value<T>(Option<T> option, string key, Func<ConfigFile, string, T?> fromFile)
    {
        if (IsExplicit(option) || Config is null || !Config.Has(key))
        {
            return _parse.GetValue(option)!;
        }

        return fromFile(Config, key)!;
    }

    /// <summary>A list: the file's items, then the command line's.</summary>
    public IReadOnlyList<string> List(Option<string[]> option, string key) =>
        [.. Config?.List(key) ?? [], .. _parse.GetValue(option) ?? []];

    /// <summary>A command-line-only value.</summary>
    public T? Get<T>(Option<T> option) => _parse.GetValue(option);
}
