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

    public Settings(ParseResult parse, ConfigFile? config, bool inAction)
    {
        _parse = parse;
        Config = config;
        InAction = inAction;
    }

    /// <summary>The configuration file, when there is one.</summary>
    public ConfigFile? Config { get; }

    /// <summary>True when running as the GitHub Action (some defaults differ there).</summary>
    public bool InAction { get; }

    /// <summary>True when the option was typed on the command line (not its default).</summary>
    public bool IsExplicit(Option option) => _parse.GetResult(option) is { Implicit: false };

    /// <summary>A flag: the command line (either form), else the file's key, else the flag's default.</summary>
    public bool Get(FlagSetting flag)
    {
        if (IsExplicit(flag.Option))
        {
            return _parse.GetValue(flag.Option) != flag.Negated;
        }

        if (flag.Opposite is { } opposite && IsExplicit(opposite))
        {
            return _parse.GetValue(opposite) == flag.Negated;
        }

        return Config?.Boolean(flag.Key) ?? flag.Default;
    }

    /// <summary>A value: the command line, else the file, else the option's default.</summary>
    public T Get<T>(ValueSetting<T> setting)
    {
        if (IsExplicit(setting.Option) || Config is null || !Config.Has(setting.Key))
        {
            return _parse.GetValue(setting.Option)!;
        }

        object? value = setting.Type switch
        {
            ConfigKeyType.Boolean => Config.Boolean(setting.Key),
            ConfigKeyType.WholeNumber => Config.WholeNumber(setting.Key),
            ConfigKeyType.Duration => Config.Duration(setting.Key),
            ConfigKeyType.Size => Config.Size(setting.Key),
            ConfigKeyType.StatusCodes => Config.StatusCodes(setting.Key),
            _ => Config.Text(setting.Key),
        };
        return (T)value!;
    }

    /// <summary>A list: the file's items, then the command line's.</summary>
    public IReadOnlyList<string> Get(ListSetting setting)
    {
        var fromCli = _parse.GetValue(setting.Option) ?? [];
        foreach (var item in fromCli)
        {
            setting.Check?.Invoke(item, setting.Option.Name);
        }

        return [.. Config?.List(setting.Key) ?? [], .. fromCli];
    }

    /// <summary>A command-line-only value.</summary>
    public T? Get<T>(Option<T> option) => _parse.GetValue(option);
}
