using System.Diagnostics;
using LinkCheck.Core;
using LinkCheck.Core.Changes;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli;

/// <summary>Asks the local git what changed since a ref, for <c>--changed-since REF</c> (the action uses the API instead).</summary>
internal static class GitProcess
{
    /// <summary>
    /// The files that differ between <paramref name="reference"/> (its merge base with HEAD, as <c>REF...</c>) and
    /// what is on disk: committed, staged and unstaged changes, and untracked files git does not ignore. A local
    /// run checks what the user has, not only what they committed.
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">git is missing or the ref is unknown.</exception>
    public static ChangeSet ChangedSince(string root, string reference, CancellationToken cancellationToken)
    {
        if (reference.StartsWith('-'))
        {
            throw new LinkCheckConfigurationException($"--changed-since: '{reference}' is not a git ref");
        }

        string mergeBase;
        try
        {
            mergeBase = Run(root, ["merge-base", reference, "HEAD"], "--changed-since", cancellationToken).Trim();
        }
        catch (LinkCheckConfigurationException e) when (e.InnerException is null)
        {
            throw new LinkCheckConfigurationException($"--changed-since: '{reference}' is not a commit of this repository that shares history with HEAD (git merge-base {reference} HEAD failed)", e);
        }

        var changes = Diff(root, [mergeBase], $"git diff {reference}... and the working tree", "--changed-since", cancellationToken);
        var untracked = Run(root, ["ls-files", "--others", "--exclude-standard", "--full-name", "-z"], "--changed-since", cancellationToken)
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => changes.Files.All(f => f.Path != p))
            .Select(p => new ChangedFile(p, ChangeKind.Added, null, []));
        return changes with { Files = [.. changes.Files, .. untracked] };
    }

    /// <summary>
    /// The files staged for the next commit (<c>git diff --cached</c>), for <c>--staged</c>, with the staged text
    /// of each markdown file (the index blob, <c>git show :path</c>): that is what the commit will hold, even when
    /// the working tree has unstaged edits on top.
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">git is missing or the folder is not in a work tree.</exception>
    public static (ChangeSet Changes, IReadOnlyDictionary<string, string> Contents) Staged(string root, CancellationToken cancellationToken)
    {
        var changes = Diff(root, ["--cached"], "the staged changes", "--staged", cancellationToken);
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in changes.Files.Where(f => f.Kind != ChangeKind.Removed))
        {
            if (Core.Discovery.PathGlobs.DefaultExtensions.Any(e => file.Path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                contents[file.Path] = Run(root, ["show", ":" + file.Path], "--staged", cancellationToken);
            }
        }

        return (changes, contents);
    }

    /// <summary>
    /// This repository on GitHub, from the <c>origin</c> remote, HEAD and the current branch, so a local run resolves
    /// links to its own github.com URLs locally as the action does; null when there is no such remote (or no git).
    /// </summary>
    public static GitHubContext? OriginContext(string root, string? token, CancellationToken cancellationToken)
    {
        try
        {
            var url = Run(root, ["config", "--get", "remote.origin.url"], "origin", cancellationToken).Trim();
            if (GitHubRemote.Parse(url) is not { } repository)
            {
                return null;
            }

            var sha = Run(root, ["rev-parse", "HEAD"], "origin", cancellationToken).Trim();
            var branch = Run(root, ["rev-parse", "--abbrev-ref", "HEAD"], "origin", cancellationToken).Trim();
            return new GitHubContext
            {
                Repository = repository,
                Sha = sha,
                CurrentRefs = branch is { Length: > 0 } and not "HEAD" ? [branch] : [],
                Token = token,
            };
        }
        catch (LinkCheckConfigurationException)
        {
            return null;
        }
    }

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
