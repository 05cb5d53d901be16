using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace LinkCheck.Cli;

/// <summary>
/// Globs given as paths (<c>'docs/**/*.md'</c>), expanded by linkcheck itself so they mean the same on every
/// shell: quoted in bash, in PowerShell and cmd (which never expand them), and in a configuration file.
/// </summary>
internal static class PathArguments
{
    private static readonly char[] Wildcards = ['*', '?', '['];

    /// <summary>True when <paramref name="path"/> has a wildcard (<c>*</c>, <c>?</c>, <c>[</c>).</summary>
    public static bool IsGlob(string path) => path.IndexOfAny(Wildcards) >= 0;

    /// <summary>The files <paramref name="pattern"/> matches below <paramref name="baseDirectory"/>, absolute and sorted.</summary>
    public static IReadOnlyList<string> Expand(string pattern, string baseDirectory)
    {
        // The folder part before the first wildcard is where matching starts, so '../docs/*.md' works too.
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(Wildcards) < 0).ToList();
        var start = Path.GetFullPath(literal.Count == 0 ? "." : string.Join('/', literal) + "/", baseDirectory);
        var rest = string.Join('/', segments.Skip(literal.Count));
        if (!Directory.Exists(start))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        return [.. matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(start))).Files
            .Select(f => Path.GetFullPath(f.Path, start))
            .Order(StringComparer.Ordinal)];
    }
}
