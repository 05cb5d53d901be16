namespace LinkCheck.Core.Model;

/// <summary>A file chosen for a changed-files run, and why.</summary>
/// <param name="Path">The repository path.</param>
/// <param name="Reason">Why it is checked, in a short sentence.</param>
public sealed record SelectedFile(string Path, string Reason);
