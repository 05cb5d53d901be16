namespace LinkCheck.Core.Model;

/// <summary>A file chosen by discovery: its repository-relative path (always <c>/</c>-separated) and where it lives on disk.</summary>
/// <param name="Path">Repository-relative path with <c>/</c> separators, e.g. <c>docs/setup.md</c>.</param>
/// <param name="FullPath">Absolute path on disk, always inside the repository root.</param>
public sealed record SourceDocument(string Path, string FullPath);
