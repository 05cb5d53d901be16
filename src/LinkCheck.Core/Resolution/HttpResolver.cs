using System.Globalization;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Checks http(s) links: fetches each distinct URL once (whatever fragments its occurrences carry), turns the
/// outcome into a verdict people can trust, and checks every fragment against the one fetched page.
/// <list type="bullet">
/// <item>Accepted codes (default 2xx) are OK; a permanent redirect (301, 308) is OK with a warning naming the new
/// URL; an https to http downgrade is a warning.</item>
/// <item>A server that refused a robot (bot protection, 999, 429 after every retry) gives <c>unverified</c>,
/// not broken: the page may well exist.</item>
/// <item>A timeout after its retry is broken ("timed out twice (20 s each)") unless timeouts are accepted.</item>
/// <item>Messages say how many tries were made and what each got ("500 Internal Server Error three times").</item>
/// </list>
/// </summary>
public sealed class HttpResolver : ILinkResolver
{
    private readonly HttpFetcher _fetcher;
    private readonly HttpCheckOptions _options;
    private readonly LinkCache? _cache;
    private readonly ProgressTracker? _progress;

    /// <summary>Creates the resolver.</summary>
    public HttpResolver(HttpFetcher fetcher, HttpCheckOptions options, LinkCache? cache = null, ProgressTracker? progress = null)
    {
        _fetcher = fetcher;
        _options = options;
        _cache = cache;
        _progress = progress;
    }

    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) => target.Kind == TargetKind.Http && target.Uri is not null;

    /// <inheritdoc />
    public async ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken)
    {
        var uri = check.Target.Uri!;
        var fragments = check.Occurrences
            .Select(o => LinkTargetParser.FragmentOf(o.Url))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var needPage = _options.CheckRemoteFragments && fragments.Any(f => !RemoteFragments.NeedsNoPage(uri, f));

        if (_cache is not null && _cache.TryGet(check.Target.Key, needPage, out var cached, out var cachedAnchors))
        {
            _progress?.Cached();
            var fromCache = new HttpOutcome { FinalUri = uri, Anchors = cachedAnchors, NotHtml = needPage && cachedAnchors is null };
            return WithFragments(cached, uri, fragments, fromCache);
        }

        _progress?.Started();
        HttpOutcome outcome;
        try
        {
            outcome = await _fetcher.FetchAsync(uri, needPage, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = new HttpOutcome { FinalUri = uri, Failure = HttpFailure.Timeout, Attempts = 1 };
        }

        var page = Classify(outcome);
        if (_options.RequireHttps && uri.Scheme == Uri.UriSchemeHttp && page.Status == LinkStatus.Ok)
        {
            page = await RequireHttpsAsync(uri, outcome, cancellationToken).ConfigureAwait(false) ?? page;
        }

        var verdict = WithFragments(page, uri, fragments, outcome) with { Detail = DetailOf(outcome) };
        var anchors = needPage && outcome.Anchors is not null && !outcome.BodyTruncated ? outcome.Anchors : null;
        _cache?.Put(check.Target.Key, verdict with { FragmentVerdicts = null }, anchors);
        _progress?.Finished(verdict.Status == LinkStatus.Broken || verdict.FragmentVerdicts?.Values.Any(v => v.Status == LinkStatus.Broken) == true);
        return verdict;
    }

    /// <summary>"200, 52 ms": what <c>-v</c> shows for a fetched link.</summary>
    private static string? DetailOf(HttpOutcome outcome) => outcome.StatusCode is { } status
        ? string.Create(CultureInfo.InvariantCulture, $"{status}, {(int)outcome.Elapsed.TotalMilliseconds} ms{(outcome.Attempts > 1 ? $", {outcome.Attempts} tries" : string.Empty)}")
        : null;

    /// <summary>
    /// <c>--require-https</c>: an http:// link that works is a warning when its https:// form works too (same host and
    /// path; port 443 for a link on the default port 80, else the same port), with that form as the fix. A link that
    /// already redirects to https says so through its final URL.
    /// </summary>
    private async Task<Verdict?> RequireHttpsAsync(Uri uri, HttpOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.FinalUri.Scheme == Uri.UriSchemeHttps)
        {
            var final = outcome.FinalUri.AbsoluteUri;
            return Verdict.Warning(FindingCode.InsecureLink, $"insecure link: it redirects to {final}", new Suggestion.ReplaceUrl(final) { IsCertain = true });
        }

        var secure = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri;
        HttpOutcome secured;
        try
        {
            secured = await _fetcher.FetchAsync(secure, readBody: false, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return secured.Failure == HttpFailure.None && secured.StatusCode is { } code && _options.Accept.Contains(code)
            ? Verdict.Warning(FindingCode.InsecureLink, $"insecure link: {secure.AbsoluteUri} works too", new Suggestion.ReplaceUrl(secure.AbsoluteUri) { IsCertain = true })
            : null;
    }

    private Verdict WithFragments(Verdict page, Uri uri, List<string> fragments, HttpOutcome outcome)
    {
        if (!_options.CheckRemoteFragments || fragments.Count == 0 || page.Status is not (LinkStatus.Ok or LinkStatus.Warning))
        {
            return page;
        }

        var verdicts = fragments.ToDictionary(f => f, f => RemoteFragments.Check(uri, f, outcome, page, _options.MaxBodyBytes), StringComparer.Ordinal);
        return page with { FragmentVerdicts = verdicts };
    }

    /// <summary>The verdict for a fetch outcome, fragments aside.</summary>
    public Verdict Classify(HttpOutcome outcome)
    {
        var tries = outcome.Tries;
        switch (outcome.Failure)
        {
            case HttpFailure.Timeout:
                var seconds = _options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
                var timedOut = outcome.Attempts > 1 && !tries.StartsWith(" (", StringComparison.Ordinal)
                    ? $"timed out {HttpFetcher.Times(outcome.Attempts)} ({seconds} s each)"
                    : $"timed out ({seconds} s){tries}";
                return _options.AcceptTimeouts ? Verdict.Warning(FindingCode.Timeout, timedOut + " (accepted by --accept-timeouts)") : Verdict.Broken(FindingCode.Timeout, timedOut);
            case HttpFailure.Connection:
                return Verdict.Broken(FindingCode.Connection, (outcome.Error ?? "connection failed") + tries);
            case HttpFailure.TooManyRedirects:
                return Verdict.Broken(FindingCode.RedirectError, $"more than {_options.MaxRedirects} redirects");
            case HttpFailure.RedirectLoop:
                return Verdict.Broken(FindingCode.RedirectError, "redirect loop: " + string.Join(" -> ", outcome.Chain.Select(u => u.AbsoluteUri)));
            case HttpFailure.BadRedirect:
                return Verdict.Broken(FindingCode.RedirectError, $"redirect ({outcome.StatusCode}) without a usable Location");
        }

        var status = outcome.StatusCode ?? 0;
        if (outcome.BotProtection is not null)
        {
            return Verdict.Unverified(outcome.BotProtection + ": the page may exist, but robots cannot check it");
        }

        if (status == 429)
        {
            return Verdict.Unverified($"rate limited (429){tries}: the page may exist, but the server refused to answer");
        }

        if (!_options.Accept.Contains(status))
        {
            return Verdict.Broken(FindingCode.HttpStatus, Describe(status, outcome.ReasonPhrase) + tries);
        }

        if (outcome.Downgraded)
        {
            return Verdict.Warning(FindingCode.InsecureRedirect, $"redirects from https to http: {outcome.FinalUri.AbsoluteUri}");
        }

        if (outcome.PermanentlyMoved)
        {
            return Verdict.Warning(FindingCode.PermanentRedirect, $"permanently moved to {outcome.FinalUri.AbsoluteUri}", new Suggestion.ReplaceUrl(outcome.FinalUri.AbsoluteUri) { IsCertain = true });
        }

        return Verdict.Ok;
    }

    private static string Describe(int status, string? reason) =>
        status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrWhiteSpace(reason) ? string.Empty : " " + reason);
}
