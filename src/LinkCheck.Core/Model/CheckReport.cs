
namespace LinkCheck.Core.Model;

/// <summary>The outcome of a run: every result, in file, line, column order, and the summary.</summary>
/// <param name="Results">One result per link occurrence, plus one per file that could not be checked.</param>
/// <param name="Summary">The counts.</param>
/// <param name="Files">The files that were checked, repository-relative, in order.</param>
public sealed record CheckReport(IReadOnlyList<LinkResult> Results, CheckSummary Summary, IReadOnlyList<string> Files)
{
    /// <summary>Things passed over on purpose (a symbolic link leaving the root, an unreadable directory), for verbose output.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How long each stage took, in order, for <c>--verbose</c>.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Duration)> Timings { get; init; } = [];

    /// <summary>Problems of the run itself rather than of a link (an unreadable cache file, ...), shown as warnings.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    /// <summary>In a changed-files run: the files checked and why (null when every file was checked).</summary>
    public IReadOnlyList<SelectedFile>? Selection { get; init; }

    /// <summary>The sites found or configured, and how each was judged (empty when every file is GitHub-rendered).</summary>
    public IReadOnlyList<Sites.SiteSummary> Sites { get; init; } = [];

    /// <summary>What unverified links (robots refused) do to the run.</summary>
    public UnverifiedPolicy Unverified { get; init; } = UnverifiedPolicy.Warn;

    /// <summary>
    /// True when the run found broken links or files it could not check (or unverified links, with
    /// <c>--unverified fail</c>).
    /// </summary>
    public bool HasFailures =>
        Summary.Broken > 0 || Summary.Errors > 0 || (Unverified == UnverifiedPolicy.Fail && Summary.Unverified > 0);
}
