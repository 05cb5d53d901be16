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
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
        };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0 && files.Count < MaximumFiles)
        {
            var directory = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name == ".git")
                {
                    continue;
                }

                var repositoryPath = RepositoryRoot.Relative(root, entry.FullName);
                var isDirectory = entry is DirectoryInfo;
                if (ignore.Matches(repositoryPath, isDirectory))
                {
                    continue;
                }

                if (isDirectory)
                {
                    pending.Push(entry.FullName);
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
}
