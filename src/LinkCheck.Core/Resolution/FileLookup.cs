namespace LinkCheck.Core.Resolution;

/// <summary>What a repository path names on disk.</summary>
public enum FileLookupStatus
{
    /// <summary>A regular file (possibly through a symbolic link inside the root).</summary>
    File,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>Nothing, with any spelling.</summary>
    Missing,

    /// <summary>Nothing with this exact spelling, but a path that differs only in case exists.</summary>
    CaseMismatch,

    /// <summary>A symbolic link on the way leads outside the repository root; nothing behind it is read.</summary>
    OutsideRoot,
}

/// <summary>The answer to "what is at this repository path?".</summary>
/// <param name="Status">What was found.</param>
/// <param name="RepositoryPath">The path as spelt on disk (for <see cref="FileLookupStatus.CaseMismatch"/>, the real spelling).</param>
/// <param name="FullPath">Where it is on disk (inside the root), when it exists.</param>
/// <param name="ExistingParent">For a missing path: the deepest existing directory on the way, repository-relative.</param>
public sealed record FileLookup(FileLookupStatus Status, string RepositoryPath, string? FullPath, string? ExistingParent = null)
{
    /// <summary>True for files and directories.</summary>
    public bool Exists => Status is FileLookupStatus.File or FileLookupStatus.Directory;
}
