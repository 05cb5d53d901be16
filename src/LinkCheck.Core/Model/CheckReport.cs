
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
    public IReadOnlyList<SiteSummary> Sites { get; init; } = [];

    /// <summary>How many files and folders the ignore rules and exclude globs left out of the run.</summary>
    public LeftOut LeftOut { get; init; } = LeftOut.None;

    /// <summary>
    /// True when the run was cancelled (SIGINT, SIGTERM) while links were being checked: the links not checked yet
    /// are skipped with "not checked: the run was cancelled", and every reporter says the report is partial.
    /// </summary>
    public bool Partial { get; init; }

    /// <summary>What unverified links (robots refused) do to the run.</summary>
    public UnverifiedPolicy Unverified { get; init; } = UnverifiedPolicy.Warn;

    // The failure policy, in one place: every reporter, the annotations and the exit code ask these.

    /// <summary>
    /// True when <paramref name="result"/> fails the run: a broken link, a file that could not be checked, or an
    /// unverified link under <see cref="UnverifiedPolicy.Fail"/>.
    /// </summary>
    public bool IsFailing(LinkResult result) =>
        result.IsFailure || (result.Status == LinkStatus.Unverified && Unverified == UnverifiedPolicy.Fail);

    /// <summary>
    /// True when <paramref name="result"/> is reported as a warning without failing the run: a warning, or an
    /// unverified link under <see cref="UnverifiedPolicy.Warn"/>.
    /// </summary>
    public bool IsWarning(LinkResult result) =>
        result.Status == LinkStatus.Warning || (result.Status == LinkStatus.Unverified && Unverified == UnverifiedPolicy.Warn);

    /// <summary>How many results fail the run (<see cref="IsFailing"/>).</summary>
    public int FailureCount => Summary.Broken + Summary.Errors + (Unverified == UnverifiedPolicy.Fail ? Summary.Unverified : 0);

    /// <summary>How many results are warnings (<see cref="IsWarning"/>).</summary>
    public int WarningCount => Summary.Warnings + (Unverified == UnverifiedPolicy.Warn ? Summary.Unverified : 0);

    /// <summary>True when any result fails the run.</summary>
    public bool HasFailures => FailureCount > 0;
}
