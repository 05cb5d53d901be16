using System.Globalization;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution.GitHub;
using Octokit;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// A check run with an annotation for every finding, so reports larger than the workflow-command caps still
/// appear on the pull request's diff. The Checks API takes at most 50 annotations per request: the run is
/// created with the first 50 and updated with the rest, 50 at a time
/// (https://docs.github.com/rest/checks/runs#update-a-check-run).
/// </summary>
internal sealed class CheckRunPublisher
{
    /// <summary>The API's limit of annotations per request.</summary>
    public const int BatchSize = 50;

    /// <summary>The check run's name.</summary>
    public const string Name = "linkcheck";

    private readonly GitHubApi _api;

    /// <summary>Creates the publisher.</summary>
    public CheckRunPublisher(GitHubApi api) => _api = api;

    /// <summary>Creates the check run; returns a message for the log.</summary>
    public async Task<string> PublishAsync(CheckReport report, GitHubContext context, CancellationToken cancellationToken)
    {
        if (context.Owner is not { } owner || context.Name is not { } name || context.Sha is not { } sha)
        {
            return "no repository or commit: no check run";
        }

        var plan = AnnotationPlan.For(report, null, int.MaxValue);
        var annotations = plan.All.Select(x => Annotation(x.Result, x.IsError)).ToList();
        var conclusion = report.HasFailures ? CheckConclusion.Failure : report.Summary.Warnings > 0 ? CheckConclusion.Neutral : CheckConclusion.Success;
        var title = report.HasFailures
            ? string.Create(CultureInfo.InvariantCulture, $"{report.Summary.Broken} broken links, {report.Summary.Errors} unreadable files")
            : "All links OK";
        var summary = MarkdownReport.Render(report, new MarkdownReport.Options(60_000, context, "###"));
        var batches = annotations.Chunk(BatchSize).ToList();

        try
        {
            var run = await _api.CallAsync(
                c => c.Check.Run.Create(owner, name, new NewCheckRun(Name, sha)
                {
                    Status = CheckStatus.Completed,
                    Conclusion = conclusion,
                    CompletedAt = DateTimeOffset.UtcNow,
                    Output = new NewCheckRunOutput(title, summary) { Annotations = batches.FirstOrDefault() ?? [] },
                }),
                cancellationToken).ConfigureAwait(false);
            foreach (var batch in batches.Skip(1))
            {
                await _api.CallAsync(
                    c => c.Check.Run.Update(owner, name, run.Id, new CheckRunUpdate { Output = new NewCheckRunOutput(title, summary) { Annotations = batch } }),
                    cancellationToken).ConfigureAwait(false);
            }

            return string.Create(CultureInfo.InvariantCulture, $"check run created with {annotations.Count} annotations: {run.HtmlUrl}");
        }
        catch (Exception e) when (e is ForbiddenException or AuthorizationException or NotFoundException)
        {
            return "the token may not create check runs (it needs 'checks: write'): no check run";
        }
    }

    private static NewCheckRunAnnotation Annotation(LinkResult result, bool isError)
    {
        var location = result.Location;
        var annotation = new NewCheckRunAnnotation(
            location.File,
            location.Line,
            location.Line,
            isError ? CheckAnnotationLevel.Failure : CheckAnnotationLevel.Warning,
            AnnotationPlan.MessageOf(result))
        {
            Title = AnnotationPlan.TitleOf(result),
        };

        // The API accepts columns only for single-line annotations.
        if (result.Url is not null)
        {
            annotation.StartColumn = location.Column;
            annotation.EndColumn = location.EndColumn;
        }

        return annotation;
    }
}
