using LinkCheck.Cli;
using LinkCheck.Core.Resolution;
using Microsoft.Extensions.Time.Testing;

namespace LinkCheck.Cli.Tests;

/// <summary>Runs the real CLI in-process with captured output, a chosen working directory and environment.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? variables = null, bool terminal = false, params string[] args) =>
        RunAsync(workingDirectory, variables, terminal, null, args);

    public static Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? variables, bool terminal, TimeProvider? time, params string[] args) =>
        RunAsync(workingDirectory, variables, terminal, time, null, args);

    /// <summary>Runs with <paramref name="input"/> (UTF-8) as standard input.</summary>
    public static Task<CliRun> RunWithInputAsync(string workingDirectory, string input, params string[] args) =>
        RunAsync(workingDirectory, null, false, null, System.Text.Encoding.UTF8.GetBytes(input), args);

    /// <summary>Runs with <paramref name="input"/> as the bytes of standard input.</summary>
    public static Task<CliRun> RunWithInputAsync(string workingDirectory, byte[] input, params string[] args) =>
        RunAsync(workingDirectory, null, false, null, input, args);

    private static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? variables, bool terminal, TimeProvider? time, byte[]? input, string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStandardInput = () => new MemoryStream(input ?? []),
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            CurrentDirectory = workingDirectory,
            IsOutputRedirected = !terminal,
            IsErrorRedirected = !terminal,
            Time = time ?? new FakeTimeProvider(),
            CreateHttpHandler = options => HttpHandlerFactory.Create(options, LoopbackOnly.Apply),
        };
        var code = await LinkCheckCli.RunAsync(args, environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, false, args);
}
