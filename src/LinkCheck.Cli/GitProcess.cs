using System.Diagnostics;
using LinkCheck.Core;
using LinkCheck.Core.Changes;

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
        return Diff(root, [range], $"git diff {range}", "--changed-since", cancellationToken);
    }

    /// <summary>
    /// The files staged for the next commit (<c>git diff --cached</c>), for <c>--staged</c>. Their working-tree
    /// content is what gets checked: pre-commit stashes unstaged changes first, so there the two are the same.
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">git is missing or the folder is not in a work tree.</exception>
    public static ChangeSet Staged(string root, CancellationToken cancellationToken) =>
        Diff(root, ["--cached"], "the staged changes", "--staged", cancellationToken);

    private static ChangeSet Diff(string root, string[] range, string source, string option, CancellationToken cancellationToken)
    {
        var nameStatus = Run(root, ["diff", "--name-status", "-M", .. range], option, cancellationToken);
        var patch = Run(root, ["diff", "-U0", "--no-color", .. range, "--", "*.md", "*.markdown", "*.mdown", "*.mkd"], option, cancellationToken);
        return ChangedFiles.FromGitDiff(nameStatus, patch, source);
    }

    private static string Run(string root, string[] arguments, string option, CancellationToken cancellationToken)
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
            using var process = Process.Start(start) ?? throw new LinkCheckConfigurationException($"{option}: cannot start git");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                throw new LinkCheckConfigurationException($"{option}: git {string.Join(' ', arguments.Take(2))} failed: {error.Result.Trim().Split('\n')[0]}");
            }

            return output.Result;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LinkCheckConfigurationException($"{option} needs git: {e.Message}", e);
        }
    }
}
