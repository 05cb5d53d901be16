using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Resolution;
using Octokit;

namespace LinkCheck.Core.Resolution.GitHub;

/// <summary>
/// Checks links to GitHub pages without scraping github.com, whose HTML rate limits make other checkers fail:
/// <list type="bullet">
/// <item>links into this repository at the commit or branch being checked are resolved against the working
/// tree, with no network at all (files, directories, heading anchors);</item>
/// <item>other repositories, files and directories at a ref, issues, pull requests and releases are asked of
/// the REST API, with the run's token (sent to the API host only).</item>
/// </list>
/// Other GitHub pages (wikis, commits, actions) are left to the HTTP checker.
/// </summary>
public sealed class GitHubApiResolver : ILinkResolver
{
    private readonly GitHubContext _context;
    private readonly GitHubApi? _api;
    private readonly LocalFileResolver _files;
    private readonly FragmentResolver _fragments;
    private readonly string _serverHost;

    /// <summary>Creates the resolver; without <paramref name="api"/> only links into this repository are handled.</summary>
    public GitHubApiResolver(GitHubContext context, GitHubApi? api, LocalFileResolver files, FragmentResolver fragments)
    {
        _context = context;
        _api = api;
        _files = files;
        _fragments = fragments;
        _serverHost = context.ServerUrl.IdnHost;
    }

    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) =>
        target.Kind == TargetKind.Http && target.Uri is not null && GitHubUrl.TryParse(target.Uri, _serverHost) is { } url
        && (IsWorkingTree(url) || _api is not null);

    /// <inheritdoc />
    public async ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken)
    {
        var url = GitHubUrl.TryParse(check.Target.Uri!, _serverHost)!;
        if (IsWorkingTree(url))
        {
            return ResolveLocally(url, check);
        }

        try
        {
            return await ResolveWithApiAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return Verdict.Broken(FindingCode.GitHubNotFound, $"{Describe(url)} not found on GitHub (or not visible to this token)");
        }
        catch (RateLimitExceededException)
        {
            return Verdict.Unverified("GitHub API rate limit exhausted: not verified");
        }
        catch (ApiException e) when (_api!.RateLimitWait(e) is not null)
        {
            return Verdict.Unverified("GitHub API rate limit: not verified");
        }
        catch (ApiException e)
        {
            return Verdict.Broken(FindingCode.GitHubNotFound, $"GitHub API answered {(int)e.StatusCode} for {Describe(url)}");
        }
        catch (HttpRequestException e)
        {
            return Verdict.Unverified($"GitHub API unreachable ({e.Message}): not verified");
        }
    }

    private bool IsWorkingTree(GitHubUrl url) =>
        url.Kind is GitHubUrlKind.Blob or GitHubUrlKind.Tree
        && string.Equals(url.FullName, _context.Repository, StringComparison.OrdinalIgnoreCase)
        && url.Ref is { } reference
        && (string.Equals(reference, _context.Sha, StringComparison.OrdinalIgnoreCase) || _context.CurrentRefs.Contains(reference, StringComparer.Ordinal));

    /// <summary>A link into this repository at the code being checked: the working tree answers, fragments included.</summary>
    private Verdict ResolveLocally(GitHubUrl url, PlannedCheck check)
    {
        var path = url.Path ?? string.Empty;
        var page = _files.Locate(new LinkTarget { Kind = TargetKind.Local, Key = path, Path = path }, out _);
        if (page is not null)
        {
            return page with { Message = page.Message + " (in this repository's working tree)" };
        }

        var fragments = check.Occurrences.Select(o => LinkTargetParser.FragmentOf(o.Url)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (fragments.Count == 0)
        {
            return Verdict.Ok;
        }

        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var fragment in fragments)
        {
            var target = new LinkTarget { Kind = TargetKind.Local, Key = path + "#" + fragment, Path = path, Fragment = fragment };
            var verdict = _fragments.Check(target);
            verdicts[fragment] = verdict.Suggestion is Suggestion.ReplacePath ? verdict with { Suggestion = null } : verdict;
        }

        return Verdict.Ok with { FragmentVerdicts = verdicts };
    }

    private async Task<Verdict> ResolveWithApiAsync(GitHubUrl url, CancellationToken cancellationToken)
    {
        var api = _api!;
        switch (url.Kind)
        {
            case GitHubUrlKind.Repository:
                await api.CallAsync(c => c.Repository.Get(url.Owner, url.Repository), cancellationToken).ConfigureAwait(false);
                return Verdict.Ok;
            case GitHubUrlKind.Blob or GitHubUrlKind.Tree:
                if (string.IsNullOrEmpty(url.Path))
                {
                    await api.CallAsync(c => c.Repository.Branch.Get(url.Owner, url.Repository, url.Ref!), cancellationToken).ConfigureAwait(false);
                    return Verdict.Ok;
                }

                await api.CallAsync(c => c.Repository.Content.GetAllContentsByRef(url.Owner, url.Repository, url.Path!, url.Ref!), cancellationToken).ConfigureAwait(false);
                return Verdict.Ok;
            case GitHubUrlKind.Issue:
                await api.CallAsync(c => c.Issue.Get(url.Owner, url.Repository, url.Number!.Value), cancellationToken).ConfigureAwait(false);
                return Verdict.Ok;
            case GitHubUrlKind.PullRequest:
                await api.CallAsync(c => c.PullRequest.Get(url.Owner, url.Repository, url.Number!.Value), cancellationToken).ConfigureAwait(false);
                return Verdict.Ok;
            default:
                await api.CallAsync(c => c.Repository.Release.Get(url.Owner, url.Repository, url.Tag!), cancellationToken).ConfigureAwait(false);
                return Verdict.Ok;
        }
    }

    private static string Describe(GitHubUrl url) => url.Kind switch
    {
        GitHubUrlKind.Repository => $"repository {url.FullName}",
        GitHubUrlKind.Blob => $"{url.Path} at {url.Ref} in {url.FullName}",
        GitHubUrlKind.Tree => string.IsNullOrEmpty(url.Path) ? $"ref {url.Ref} of {url.FullName}" : $"directory {url.Path} at {url.Ref} in {url.FullName}",
        GitHubUrlKind.Issue => $"issue {url.FullName}#{url.Number}",
        GitHubUrlKind.PullRequest => $"pull request {url.FullName}#{url.Number}",
        _ => $"release {url.Tag} of {url.FullName}",
    };
}
