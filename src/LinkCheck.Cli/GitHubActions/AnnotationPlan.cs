using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// Which findings become annotations, most useful first: findings in files the change touched, then errors
/// before warnings, then file order. GitHub shows at most 10 error and 10 warning annotations per step (and
/// 50 per job); the rest are counted so the log and the summary can say how many were left out.
/// </summary>
internal sealed class AnnotationPlan
{
    /// <summary>GitHub's per-step cap on error annotations (and, separately, on warnings).</summary>
    public const int MaxPerLevel = 10;

    private AnnotationPlan(IReadOnlyList<(LinkResult Result, bool IsError)> all, IReadOnlyList<(LinkResult Result, bool IsError)> shown)
    {
        All = all;
        Shown = shown;
    }

    /// <summary>Every finding that deserves an annotation, in priority order.</summary>
    public IReadOnlyList<(LinkResult Result, bool IsError)> All { get; }

    /// <summary>The findings annotated through workflow commands (within GitHub's caps).</summary>
    public IReadOnlyList<(LinkResult Result, bool IsError)> Shown { get; }

    /// <summary>How many findings were not annotated because of the caps.</summary>
    public int Omitted => All.Count - Shown.Count;

    /// <summary>Orders and caps the findings of <paramref name="report"/>.</summary>
    public static AnnotationPlan For(CheckReport report, IReadOnlySet<string>? changedFiles = null, int maxPerLevel = MaxPerLevel)
    {
        var all = report.Results
            .Select(r => (Result: r, Level: LevelOf(r, report)))
            .Where(x => x.Level is not null)
            .Select(x => (x.Result, IsError: x.Level == true))
            .OrderBy(x => changedFiles is not null && changedFiles.Contains(x.Result.Location.File) ? 0 : 1)
            .ThenBy(x => x.IsError ? 0 : 1)
            .ToList();
        var errors = 0;
        var warnings = 0;
        var shown = all.Where(x => x.IsError ? ++errors <= maxPerLevel : ++warnings <= maxPerLevel).ToList();
        return new AnnotationPlan(all, shown);
    }

    /// <summary>True for errors, false for warnings, null for results that are not annotated.</summary>
    private static bool? LevelOf(LinkResult result, CheckReport report) =>
        report.IsFailing(result) ? true : report.IsWarning(result) ? false : null;

    /// <summary>The annotation title for a result.</summary>
    public static string TitleOf(LinkResult result) => result.Status switch
    {
        LinkStatus.Broken => "Broken link",
        LinkStatus.Error => "File not checked",
        LinkStatus.Unverified => "Link not verified",
        _ => "Link warning",
    };

    /// <summary>The annotation message for a result: the URL, why, and the fix.</summary>
    public static string MessageOf(LinkResult result)
    {
        // Check runs show this text as it is: bidirectional controls from the repository are shown escaped.
        var message = result.Url is null ? result.Message ?? string.Empty : $"{result.Url}: {result.Message}";
        return BidiText.Escape(result.Suggestion is null ? message : $"{message} (did you mean {result.Suggestion}?)");
    }
}
