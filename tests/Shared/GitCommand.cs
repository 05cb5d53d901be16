using System.Diagnostics;

namespace LinkCheck.Tests.Shared;

/// <summary>Runs the real <c>git</c> in a test's folder, with a fixed identity and default branch so results never depend on the machine's git configuration.</summary>
public static class GitCommand
{
    /// <summary>Runs <c>git ARGS</c> in <paramref name="directory"/> and returns its standard output; fails the test when git fails.</summary>
    public static string Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        // No global or system configuration: the test sees git's defaults on every machine.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start git: is it installed?");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }

        return output.Result;
    }
}
