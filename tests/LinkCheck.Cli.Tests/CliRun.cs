using LinkCheck.Cli;
using LinkCheck.Core.Resolution;
using Microsoft.Extensions.Time.Testing;

namespace LinkCheck.Cli.Tests;

/// <summary>Runs the real CLI in-process with captured output, a chosen working directory and environment.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? variables = null, bool terminal = false, params string[] args) =>
        RunAsync(workingDirectory, variables, terminal, null, args);

    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? variables, bool terminal, TimeProvider? time, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
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
