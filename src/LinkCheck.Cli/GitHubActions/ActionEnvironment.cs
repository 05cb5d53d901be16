using System.Text;
using LinkCheck.Cli.Configuration;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// The GitHub Actions side of the process environment: the runner's variables (GITHUB_*) and the action's inputs
/// (INPUT_*, upper-cased with hyphens kept, as the runner passes them to a Docker action). The action is the CLI
/// plus this adapter: inputs become ordinary command-line arguments, so there is one code path.
/// </summary>
internal static class ActionEnvironment
{
    /// <summary>The on/off inputs declared in action.yml: the settings whose row names an action input.</summary>
    private static readonly FlagSetting[] FlagInputs = [.. SettingsTable.All.OfType<FlagSetting>().Where(f => f.ActionInput is not null)];

    /// <summary>The list inputs declared in action.yml (one item per line).</summary>
    private static readonly (string Input, string Option)[] ListInputs =
    [
        .. SettingsTable.All.OfType<ListSetting>().Where(l => l.ActionInput is not null).Select(l => (l.ActionInput!, l.Option.Name)),
        .. SettingsTable.All.OfType<CustomSetting>().Where(c => c.ActionInput is not null).Select(c => (c.ActionInput!, c.Options[0].Name)),
    ];

    /// <summary>True inside a GitHub Actions job.</summary>
    public static bool IsGitHubActions(CliEnvironment environment) => environment.GetVariable("GITHUB_ACTIONS") == "true";

    /// <summary>True when running as the linkcheck action (the runner passed its inputs).</summary>
    public static bool IsAction(CliEnvironment environment) =>
        IsGitHubActions(environment) && environment.GetVariable("INPUT_FAIL") is not null;

    /// <summary>Turns the action's inputs into command-line arguments.</summary>
    /// <exception cref="LinkCheckConfigurationException">An input has a value it cannot have.</exception>
    public static string[] ArgumentsFromInputs(CliEnvironment environment)
    {
        string? Input(string name) => environment.GetVariable("INPUT_" + name.ToUpperInvariant())?.Trim();
        bool Flag(string name, bool defaultValue)
        {
            var value = Input(name);
            return string.IsNullOrEmpty(value)
                ? defaultValue
                : value.ToLowerInvariant() switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw new LinkCheckConfigurationException($"input '{name}' must be true or false, not '{value}'"),
                };
        }

        // Every input is read before any becomes an argument, so a bad value is reported whatever its place.
        var flags = FlagInputs.Select(f => (Setting: f, Value: Flag(f.ActionInput!.Value.Name, f.ActionInput.Value.Default))).ToList();
        var args = new List<string>();

        // An input left at its action.yml default becomes no argument, so it never overrides the configuration file
        // (the comment, on by default in the action, is settled in RunOptions).
        foreach (var (setting, value) in flags)
        {
            if (setting.ArgumentFor(value, setting.ActionInput!.Value.Default) is { } argument)
            {
                args.Add(argument);
            }
        }

        if (Input("config") is { Length: > 0 } config)
        {
            args.AddRange(["--config", config]);
        }

        foreach (var (input, option) in ListInputs)
        {
            foreach (var item in Lines(Input(input)))
            {
                args.AddRange([option, item]);
            }
        }

        args.AddRange(SplitArguments(Input("args") ?? string.Empty));
        args.AddRange(Lines(Input("paths")).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return [.. args];
    }

    /// <summary>
    /// GitHub caps webhook payloads at 25 MB (https://docs.github.com/webhooks/webhook-events-and-payloads#payload-cap);
    /// a larger GITHUB_EVENT_PATH is not one GitHub wrote, and is not read.
    /// </summary>
    public const long MaxEventBytes = 25L * 1024 * 1024;

    /// <summary>The repository, commit, pull request and API of this run; what could not be used goes to <paramref name="warnings"/>.</summary>
    /// <exception cref="LinkCheckConfigurationException">GITHUB_API_URL or GITHUB_SERVER_URL is not an http(s) address.</exception>
    public static GitHubContext Context(CliEnvironment environment, string? token, ICollection<string>? warnings = null)
    {
        var payload = ReadEvent(environment.GetVariable("GITHUB_EVENT_PATH"));
        if (payload.Problem is { } problem)
        {
            warnings?.Add(problem + ": no pull request comment, suggestions or only-changed");
        }

        var refs = new[] { payload.HeadRef, environment.GetVariable("GITHUB_HEAD_REF"), environment.GetVariable("GITHUB_REF_NAME") }
            .Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).Distinct(StringComparer.Ordinal).ToList();
        return new GitHubContext
        {
            ServerUrl = UriOr(environment, "GITHUB_SERVER_URL", "https://github.com"),
            ApiUrl = UriOr(environment, "GITHUB_API_URL", "https://api.github.com"),
            Repository = environment.GetVariable("GITHUB_REPOSITORY"),
            Sha = payload.HeadSha ?? environment.GetVariable("GITHUB_SHA"),
            CurrentRefs = refs,
            EventName = environment.GetVariable("GITHUB_EVENT_NAME"),
            PullRequestNumber = payload.PullRequestNumber,
            BaseSha = payload.BaseSha,
            IsFork = payload.IsFork,
            Token = token,
        };
    }

    /// <summary>Appends <c>name=value</c> lines to the GITHUB_OUTPUT file.</summary>
    public static void WriteOutputs(CliEnvironment environment, IReadOnlyList<(string Name, string Value)> outputs)
    {
        if (environment.GetVariable("GITHUB_OUTPUT") is not { Length: > 0 } path)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            text.Append(WorkflowCommands.Output(name, value));
        }

        File.AppendAllText(path, text.ToString());
    }

    /// <summary>Where report files go: the runner's temp directory, never the (root-owned-file-averse) workspace.</summary>
    public static string TempDirectory(CliEnvironment environment) =>
        environment.GetVariable("RUNNER_TEMP") is { Length: > 0 } temp && Directory.Exists(temp) ? temp : Path.GetTempPath();

    /// <summary>
    /// The address in <paramref name="variable"/>, or <paramref name="fallback"/> when it is unset. A value that is
    /// not an http(s) address is an error: silently using api.github.com instead would send the token to a server
    /// the workflow did not name.
    /// </summary>
    private static Uri UriOr(CliEnvironment environment, string variable, string fallback)
    {
        var value = environment.GetVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new Uri(fallback);
        }

        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0)
        {
            return uri;
        }

        throw new LinkCheckConfigurationException($"{variable} '{TerminalText.Escape(value)}' is not an http(s) address");
    }

    /// <summary>The event payload: read only when it is a regular file of at most <see cref="MaxEventBytes"/>.</summary>
    private static GitHubEvent ReadEvent(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return GitHubEvent.None;
        }

        if (!RegularFile.Is(path))
        {
            return GitHubEvent.Unusable("GITHUB_EVENT_PATH is not a regular file");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length > MaxEventBytes)
            {
                return GitHubEvent.Unusable($"the event payload is larger than GitHub's {MaxEventBytes / (1024 * 1024)} MB cap");
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return GitHubEvent.Parse(Encoding.UTF8.GetString(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return GitHubEvent.Unusable("cannot read the event payload");
        }
    }

    private static string[] Lines(string? value) =>
        (value ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Splits <c>args</c> like a POSIX shell would for words and quotes (no expansion).</summary>
    internal static IEnumerable<string> SplitArguments(string text)
    {
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    current.Append(text[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    yield return current.ToString();
                    current.Clear();
                    inWord = false;
                }
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
                inWord = true;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new LinkCheckConfigurationException("input 'args' has an unclosed quote");
        }

        if (inWord)
        {
            yield return current.ToString();
        }
    }
}
