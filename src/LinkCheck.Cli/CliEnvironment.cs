using LinkCheck.Core;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli;

/// <summary>
/// Everything the CLI takes from the process: standard streams, environment variables, the working directory
/// and the clock. The composition root builds it from the real process; tests build one in memory.
/// </summary>
public sealed record CliEnvironment
{
    /// <summary>Standard output.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Opens standard input (read for the path <c>-</c>); tests hand in a stream of their own.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = () => Stream.Null;

    /// <summary>Reads an environment variable (null when unset).</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>The working directory relative paths are resolved against.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>True when standard output is not a terminal (a pipe or a file).</summary>
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>True when standard error is not a terminal.</summary>
    public bool IsErrorRedirected { get; init; } = true;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Creates the one HTTP handler of a run (tests trust their own certificates or count requests here).</summary>
    public Func<HttpCheckOptions, HttpMessageHandler> CreateHttpHandler { get; init; } = options => HttpHandlerFactory.Create(options);

    /// <summary>Creates the HTTP handler of the GitHub API client; null uses Octokit's own (tests point it at a loopback fake).</summary>
    public Func<HttpMessageHandler>? CreateGitHubHandler { get; init; }

    /// <summary>The environment of this process.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OpenStandardInput = Console.OpenStandardInput,
        GetVariable = Environment.GetEnvironmentVariable,
        CurrentDirectory = Environment.CurrentDirectory,
        IsOutputRedirected = Console.IsOutputRedirected,
        IsErrorRedirected = Console.IsErrorRedirected,
    };
}
