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

        RequireWorkTree(root, "--changed-since", cancellationToken);
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
        var listed = changes.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var untracked = Run(root, ["ls-files", "--others", "--exclude-standard", "--full-name", "-z"], "--changed-since", cancellationToken)
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !listed.Contains(p))
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
        RequireWorkTree(root, "--staged", cancellationToken);
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

    /// <summary>Fails with one clear line when <paramref name="root"/> is not in a git work tree (git's own text names options it was never given).</summary>
    private static void RequireWorkTree(string root, string option, CancellationToken cancellationToken)
    {
        try
        {
            Run(root, ["rev-parse", "--is-inside-work-tree"], option, cancellationToken);
        }
        catch (LinkCheckConfigurationException e) when (e.InnerException is null)
        {
            throw new LinkCheckConfigurationException($"{option} needs a git repository: {root} is not inside a git work tree (run it in a clone, or drop {option} to check every file)", e);
        }
    }

    private static ChangeSet Diff(string root, string[] range, string source, string option, CancellationToken cancellationToken)
    {
        // -z: every path exactly as it is (git-diff(1)); the patch's paths are unquoted by ChangedFiles.
        var nameStatus = Run(root, ["diff", "--name-status", "-z", "-M", .. range], option, cancellationToken);
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
            StandardOutputEncoding = System.Text.Encoding.UTF8,
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
