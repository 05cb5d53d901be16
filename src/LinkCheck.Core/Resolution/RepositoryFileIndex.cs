using System.IO.Enumeration;
using LinkCheck.Core.Discovery;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Every file of the repository by name (not ignored by git, outside <c>.git</c>), built on first use: it answers
/// "this file was moved: where is it now?" for suggestions and fixes.
/// </summary>
public sealed class RepositoryFileIndex
{
    /// <summary>The most files indexed; a larger tree gives no repository-wide suggestions beyond it.</summary>
    public const int MaximumFiles = 500_000;

    private readonly Lazy<List<string>> _files;
    private readonly Lazy<ILookup<string, string>> _byName;

    /// <summary>Creates the (lazy) index of the repository at <paramref name="root"/>.</summary>
    public RepositoryFileIndex(string root, IgnoreRules ignore)
    {
        _files = new Lazy<List<string>>(() => Build(root, ignore));
        _byName = new Lazy<ILookup<string, string>>(() => _files.Value.ToLookup(f => Path.GetFileName(f).ToLowerInvariant(), StringComparer.Ordinal));
    }

    /// <summary>Every file of the repository (not ignored by git), repository-relative, in ordinal order.</summary>
    public IReadOnlyList<string> Files => _files.Value;

    /// <summary>The repository paths of files named <paramref name="name"/> (ignoring case), in path order.</summary>
    public IReadOnlyList<string> FindByName(string name) =>
        [.. _byName.Value[name.ToLowerInvariant()].Order(StringComparer.Ordinal)];

    private static List<string> Build(string root, IgnoreRules ignore)
    {
        // FileSystemEnumerable rather than DirectoryInfo: no FileSystemInfo object per entry (on rust-lang/book's 2,670
        // files the walk took 91 ms before, about 50 ms after). Symbolic links are skipped, as before: a link may
        // leave the root or loop.
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0 && files.Count < MaximumFiles)
        {
            var directory = pending.Pop();
            var entries = new FileSystemEnumerable<(string FullPath, bool IsDirectory)>(
                directory,
                static (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory),
                options)
            {
                ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.FileName.SequenceEqual(".git") && !IsLink(ref entry),
            };
            foreach (var (fullPath, isDirectory) in entries)
            {
                var repositoryPath = RepositoryRoot.Relative(root, fullPath);
                if (ignore.Matches(repositoryPath, isDirectory))
                {
                    continue;
                }

                if (isDirectory)
                {
                    pending.Push(fullPath);
                }
                else
                {
                    files.Add(repositoryPath);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>True for a symbolic link (or, on Windows, any reparse point).</summary>
    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;
}
