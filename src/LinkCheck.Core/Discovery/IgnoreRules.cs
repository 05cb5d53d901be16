using System.Collections.Concurrent;
using MAB.DotIgnore;

namespace LinkCheck.Core.Discovery;

/// <summary>
/// Git's ignore rules for one work tree (gitignore(5)): <c>.gitignore</c> files at every level and
/// <c>.git/info/exclude</c>, parsed by MAB.DotIgnore. Precedence follows git: a path inside an ignored
/// directory is ignored; otherwise <c>.gitignore</c> files in deeper directories override shallower ones,
/// which override <c>info/exclude</c>, and within one file the last matching pattern wins.
/// Matching is case-sensitive, as git is on Linux (<c>core.ignoreCase=false</c>).
/// </summary>
public sealed class IgnoreRules
{
    private readonly string _root;
    private readonly IReadOnlyList<IgnoreRule> _infoExclude;
    private readonly ConcurrentDictionary<string, IReadOnlyList<IgnoreRule>> _byDirectory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ignoredDirectories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Directory, IReadOnlyList<IgnoreRule> Rules)>> _chains = new(StringComparer.Ordinal);

    /// <summary>Loads the rules of the work tree at <paramref name="root"/> (files are read lazily, once each).</summary>
    /// <param name="root">The work tree.</param>
    /// <param name="explicitPaths">
    /// Repository paths the user named. One that git ignores is checked anyway, and only the rules that apply
    /// below it are used inside it, as ripgrep does: the rules that ignore the path itself (or a folder above it)
    /// do not reach into it.
    /// </param>
    public IgnoreRules(string root, IEnumerable<string>? explicitPaths = null)
    {
        _root = root;
        _infoExclude = Load(Path.Combine(root, ".git", "info", "exclude"));
        _exempt = [.. (explicitPaths ?? [])
            .Where(p => p.Length > 0 && IsIgnored(p, Directory.Exists(Path.Combine(root, p.Replace('/', Path.DirectorySeparatorChar)))))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(p => p.Length)];
        if (_exempt.Count > 0)
        {
            // Decisions made while finding the exempt paths did not know about them.
            _ignoredDirectories.Clear();
        }
    }

    /// <summary>Rules that ignore nothing, for <c>--no-gitignore</c>.</summary>
    public static IgnoreRules None { get; } = new(string.Empty, disabled: true);

    private IgnoreRules(string root, bool disabled)
    {
        _root = root;
        _infoExclude = [];
        Disabled = disabled;
    }

    private bool Disabled { get; }

    /// <summary>Ignored paths the user named explicitly, deepest first.</summary>
    private readonly IReadOnlyList<string> _exempt = [];

    /// <summary>The deepest explicitly named ignored path strictly above <paramref name="repositoryPath"/>, if any.</summary>
    private string? ExemptAbove(string repositoryPath)
    {
        foreach (var exempt in _exempt)
        {
            if (repositoryPath.Length > exempt.Length && repositoryPath.StartsWith(exempt, StringComparison.Ordinal) && repositoryPath[exempt.Length] == '/')
            {
                return exempt;
            }
        }

        return null;
    }

    /// <summary>True when git would ignore <paramref name="repositoryPath"/> or one of the directories above it.</summary>
    public bool IsIgnored(string repositoryPath, bool isDirectory)
    {
        if (Disabled || repositoryPath.Length == 0 || _exempt.Contains(repositoryPath, StringComparer.Ordinal))
        {
            return false;
        }

        var slash = repositoryPath.LastIndexOf('/');
        if (slash > 0 && !_exempt.Contains(repositoryPath[..slash], StringComparer.Ordinal) && IsDirectoryIgnored(repositoryPath[..slash]))
        {
            return true;
        }

        return Matches(repositoryPath, isDirectory);
    }

    /// <summary>
    /// True when <paramref name="repositoryPath"/> itself matches, assuming its parent directories do not (the
    /// walker's question: it never enters an ignored directory).
    /// </summary>
    public bool Matches(string repositoryPath, bool isDirectory)
    {
        if (Disabled)
        {
            return false;
        }

        var exempt = ExemptAbove(repositoryPath);
        bool? ignored = Decide(_infoExclude, repositoryPath, isDirectory, null, exempt);
        var slash = repositoryPath.LastIndexOf('/');
        foreach (var (directory, rules) in ChainFor(slash < 0 ? string.Empty : repositoryPath[..slash]))
        {
            var relative = directory.Length == 0 ? repositoryPath : repositoryPath[(directory.Length + 1)..];

            // Only a rule from a folder above the exempt path can be one that ignores the exempt path itself.
            var exemptRelative = exempt is null || (directory.Length > 0 && !exempt.StartsWith(directory + "/", StringComparison.Ordinal))
                ? null
                : directory.Length == 0 ? exempt : exempt[(directory.Length + 1)..];
            ignored = Decide(rules, relative, isDirectory, ignored, exemptRelative);
        }

        return ignored ?? false;
    }

    /// <summary>The non-empty .gitignore rule lists that apply inside <paramref name="directory"/>, outermost first (cached).</summary>
    private IReadOnlyList<(string Directory, IReadOnlyList<IgnoreRule> Rules)> ChainFor(string directory) =>
        _chains.GetOrAdd(directory, d =>
        {
            var slash = d.LastIndexOf('/');
            var parent = d.Length == 0 ? [] : ChainFor(slash < 0 ? string.Empty : d[..slash]);
            var own = RulesIn(d);
            return own.Count == 0 ? parent : [.. parent, (d, own)];
        });

    private bool IsDirectoryIgnored(string directory) =>
        _ignoredDirectories.GetOrAdd(directory, d =>
        {
            if (_exempt.Contains(d, StringComparer.Ordinal))
            {
                return false;
            }

            var slash = d.LastIndexOf('/');
            return (slash > 0 && IsDirectoryIgnored(d[..slash])) || Matches(d, isDirectory: true);
        });

    private static bool? Decide(IReadOnlyList<IgnoreRule> rules, string path, bool isDirectory, bool? current, string? exempt)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.IsMatch(path, isDirectory) && (exempt is null || !MatchesFolderOrAbove(rule, exempt)))
            {
                current = !rule.PatternFlags.HasFlag(PatternFlags.NEGATION);
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="rule"/> matches the folder <paramref name="folder"/> or one above it.</summary>
    private static bool MatchesFolderOrAbove(IgnoreRule rule, string folder)
    {
        for (var current = folder; current.Length > 0; current = current.LastIndexOf('/') is var slash and > 0 ? current[..slash] : string.Empty)
        {
            if (rule.IsMatch(current, true))
            {
                return true;
            }
        }

        return false;
    }

    private IReadOnlyList<IgnoreRule> RulesIn(string directory) =>
        _byDirectory.GetOrAdd(directory, d => Load(Path.Combine(_root, d.Replace('/', Path.DirectorySeparatorChar), ".gitignore")));

    private static IReadOnlyList<IgnoreRule> Load(string path)
    {
        try
        {
            return File.Exists(path) ? [.. new IgnoreList(path).Rules] : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // An unreadable or malformed ignore file ignores nothing, as git does with a pattern it cannot parse.
            return [];
        }
    }
}
