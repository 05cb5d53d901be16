using Microsoft.Extensions.FileSystemGlobbing;

namespace LinkCheck.Core.Discovery;

/// <summary>
/// Include and exclude globs over repository-relative paths (<c>*</c>, <c>?</c>, <c>**</c>; case-sensitive).
/// As in <c>.gitignore</c>, a pattern without a <c>/</c> matches a name at any depth, and a pattern that names a
/// directory covers everything below it.
/// </summary>
public sealed class PathGlobs
{
    /// <summary>The markdown extensions discovered by default (compared case-insensitively).</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } = [".md", ".markdown", ".mdown", ".mkd"];

    private readonly Matcher? _include;
    private readonly Matcher? _exclude;

    /// <summary>Creates the matcher; no include globs means "the default markdown extensions".</summary>
    public PathGlobs(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        _include = include.Count == 0 ? null : Build(include);
        _exclude = exclude.Count == 0 ? null : Build(exclude);
    }

    /// <summary>True when a file should be checked (included and not excluded).</summary>
    public bool IsIncludedFile(string repositoryPath) => !IsExcluded(repositoryPath) && Includes(repositoryPath);

    /// <summary>True when the include globs (or the markdown extensions) take the file, whatever the excludes say.</summary>
    public bool Includes(string repositoryPath) => _include is null
        ? DefaultExtensions.Any(e => repositoryPath.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        : _include.Match(repositoryPath).HasMatches;

    /// <summary>True when the path (a file or a directory) matches an exclude glob.</summary>
    public bool IsExcluded(string repositoryPath) => _exclude is not null && _exclude.Match(repositoryPath).HasMatches;

    private static Matcher Build(IReadOnlyList<string> patterns)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var raw in patterns)
        {
            var pattern = raw.Trim().Replace('\\', '/').TrimStart('/').TrimEnd('/');
            if (pattern.Length == 0)
            {
                continue;
            }

            if (!raw.TrimStart().StartsWith('/') && !pattern.Contains('/', StringComparison.Ordinal) && !pattern.StartsWith("**", StringComparison.Ordinal))
            {
                pattern = "**/" + pattern;
            }

            matcher.AddInclude(pattern);
            matcher.AddInclude(pattern + "/**");
        }

        return matcher;
    }
}
