using System.Text;

namespace LinkCheck.Tests.Shared;

/// <summary>A scratch directory tree for one test, deleted afterwards. Files are written as UTF-8 without BOM.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "linkcheck-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a file (creating folders); returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, new UTF8Encoding(false));
        return full;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public string CreateDirectory(string relative) => Directory.CreateDirectory(PathOf(relative)).FullName;

    /// <summary>Creates a symbolic link at <paramref name="relative"/> pointing at <paramref name="target"/> (as written).</summary>
    public void Symlink(string relative, string target, bool directory = false)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (directory)
        {
            Directory.CreateSymbolicLink(full, target);
        }
        else
        {
            File.CreateSymbolicLink(full, target);
        }
    }

    /// <summary>Marks the directory as a git work tree (a .git folder), as discovery looks for.</summary>
    public void InitGit() => Directory.CreateDirectory(PathOf(".git/info"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
