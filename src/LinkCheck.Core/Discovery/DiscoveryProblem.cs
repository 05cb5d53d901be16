namespace LinkCheck.Core.Discovery;

/// <summary>A file that discovery selected but that cannot be checked.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Message">Why, in one line.</param>
public sealed record DiscoveryProblem(string Path, string Message);
