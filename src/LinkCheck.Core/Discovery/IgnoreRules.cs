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
    public IgnoreRules(string root)
    {
        _root = root;
        _infoExclude = Load(Path.Combine(root, ".git", "info", "exclude"));
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

    /// <summary>True when git would ignore <paramref name="repositoryPath"/> or one of the directories above it.</summary>
    public bool IsIgnored(string repositoryPath, bool isDirectory)
    {
        if (Disabled || repositoryPath.Length == 0)
        {
            return false;
        }

        var slash = repositoryPath.LastIndexOf('/');
        if (slash > 0 && IsDirectoryIgnored(repositoryPath[..slash]))
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

        bool? ignored = Decide(_infoExclude, repositoryPath, isDirectory, null);
        var slash = repositoryPath.LastIndexOf('/');
        foreach (var (directory, rules) in ChainFor(slash < 0 ? string.Empty : repositoryPath[..slash]))
        {
            var relative = directory.Length == 0 ? repositoryPath : repositoryPath[(directory.Length + 1)..];
            ignored = Decide(rules, relative, isDirectory, ignored);
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
            var slash = d.LastIndexOf('/');
            return (slash > 0 && IsDirectoryIgnored(d[..slash])) || Matches(d, isDirectory: true);
        });

    private static bool? Decide(IReadOnlyList<IgnoreRule> rules, string path, bool isDirectory, bool? current)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.IsMatch(path, isDirectory))
            {
                current = !rule.PatternFlags.HasFlag(PatternFlags.NEGATION);
            }
        }

        return current;
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
