namespace LinkCheck.Core.Model;

/// <summary>The outcome of a run: every result, in file, line, column order, and the summary.</summary>
/// <param name="Results">One result per link occurrence, plus one per file that could not be checked.</param>
/// <param name="Summary">The counts.</param>
/// <param name="Files">The files that were checked, repository-relative, in order.</param>
public sealed record CheckReport(IReadOnlyList<LinkResult> Results, CheckSummary Summary, IReadOnlyList<string> Files)
{
    /// <summary>Things passed over on purpose (a symbolic link leaving the root, an unreadable directory), for verbose output.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How long each stage took (discovery and extraction, planning, resolution, reporting order), for <c>--verbose</c>.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Duration)> Timings { get; init; } = [];

    /// <summary>True when the run found broken links or files it could not check.</summary>
    public bool HasFailures => Summary.Broken > 0 || Summary.Errors > 0;
}
