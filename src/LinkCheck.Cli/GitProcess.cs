using System.Diagnostics;
using LinkCheck.Core;
using LinkCheck.Core.GitHub;

namespace LinkCheck.Cli;

/// <summary>Asks the local git what changed since a ref, for <c>--changed-since REF</c> (the action uses the API instead).</summary>
internal static class GitProcess
{
    /// <summary>The files changed between <paramref name="reference"/> and the working tree's HEAD (<c>REF...HEAD</c>).</summary>
    /// <exception cref="LinkCheckConfigurationException">git is missing or the ref is unknown.</exception>
    public static ChangeSet ChangedSince(string root, string reference, CancellationToken cancellationToken)
    {
        if (reference.StartsWith('-'))
        {
            throw new LinkCheckConfigurationException($"--changed-since: '{reference}' is not a git ref");
        }

        var range = reference + "...";
        var nameStatus = Run(root, ["diff", "--name-status", "-M", range], cancellationToken);
        var patch = Run(root, ["diff", "-U0", "--no-color", range, "--", "*.md", "*.markdown", "*.mdown", "*.mkd"], cancellationToken);
        return ChangedFiles.FromGitDiff(nameStatus, patch, $"git diff {range}");
    }

    private static string Run(string root, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new LinkCheckConfigurationException("--changed-since: cannot start git");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                throw new LinkCheckConfigurationException($"--changed-since: git {string.Join(' ', arguments.Take(2))} failed: {error.Result.Trim().Split('\n')[0]}");
            }

            return output.Result;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LinkCheckConfigurationException($"--changed-since needs git: {e.Message}", e);
        }
    }
}
