using LinkCheck.Cli.Configuration;

namespace LinkCheck.Cli.Commands;

/// <summary><c>--import FILE</c>: prints the <c>.linkcheck.yml</c> equivalent to another checker's configuration.</summary>
internal static class ImportCommand
{
    /// <summary>Prints the imported configuration on standard output.</summary>
    /// <exception cref="Core.LinkCheckConfigurationException">The file cannot be read or carried over.</exception>
    public static async Task<int> RunAsync(string file, CliEnvironment environment)
    {
        await environment.Out.WriteAsync(ConfigImporter.Import(Path.GetFullPath(file, environment.CurrentDirectory))).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
