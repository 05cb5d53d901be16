using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Fetches one URL the way a careful browser would, and no more: HEAD first, GET when HEAD is refused or when
/// the page's anchors are needed; redirects followed by hand (RFC 9110 §15.4) so they can be counted, loops and
/// downgrades seen, and per-host headers never carried to another host; transient failures (429, 502, 503, 504,
/// timeouts, resets) retried with exponential back-off and jitter, honouring Retry-After (RFC 9110 §10.2.3).
/// Bodies are read only when anchors are needed, only for HTML, and only up to the byte cap.
/// </summary>
public sealed class HttpFetcher
{
    private static readonly MediaTypeWithQualityHeaderValue[] AcceptHeader =
    [
        new("text/html"), new("application/xhtml+xml"), new("*/*", 0.8),
    ];

    private readonly HttpClient _client;
    private readonly HostScheduler _scheduler;
    private readonly HttpCheckOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;

    /// <summary>Creates the fetcher; <paramref name="random"/> (0..1) drives the retry jitter.</summary>
    public HttpFetcher(HttpClient client, HostScheduler scheduler, HttpCheckOptions options, TimeProvider time, Func<double>? random = null)
    {
        _client = client;
        _scheduler = scheduler;
        _options = options;
        _time = time;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Fetches <paramref name="uri"/>; with <paramref name="readBody"/>, reads the page's anchors too.</summary>
    public async Task<HttpOutcome> FetchAsync(Uri uri, bool readBody, CancellationToken cancellationToken)
    {
        var chain = new List<Uri> { uri };
        var visited = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        var permanent = true;
        var downgraded = false;
        var current = uri;

        // Credentials (--header, Basic) are bound to the origin of the link itself (scheme, host and port, RFC 6454
        // §4): a redirect that changes any of them, an https -> http downgrade included, drops them for the rest of
        // the chain, as browsers do with Authorization on cross-origin redirects (Fetch standard, "HTTP-redirect
        // fetch", step 13).
        var credentialsAllowed = true;
        while (true)
        {
            credentialsAllowed &= SameOrigin(uri, current);
            var attempt = await SendWithRetriesAsync(current, useGet: readBody, readBody, credentialsAllowed, cancellationToken).ConfigureAwait(false);
            if (!readBody && NeedsGet(attempt))
            {
                // Many servers answer HEAD wrongly (405, 403, 400, 404, 501, a dropped connection) but GET rightly.
                attempt = await SendWithRetriesAsync(current, useGet: true, readBody: false, credentialsAllowed, cancellationToken).ConfigureAwait(false);
            }

            if (attempt.Status is not (301 or 302 or 303 or 307 or 308))
            {
                return Outcome(attempt, current, chain, chain.Count > 1 && permanent, downgraded);
            }

            if (chain.Count > _options.MaxRedirects)
            {
                return new HttpOutcome { Failure = HttpFailure.TooManyRedirects, FinalUri = current, Chain = chain, Attempts = attempt.Attempts };
            }

            if (attempt.Location is null || !Uri.TryCreate(current, attempt.Location, out var next) || next.Scheme is not ("http" or "https"))
            {
                return new HttpOutcome { Failure = HttpFailure.BadRedirect, FinalUri = current, Chain = chain, StatusCode = attempt.Status, Attempts = attempt.Attempts };
            }

            next = new Uri(next.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped));
            permanent &= attempt.Status is 301 or 308;
            downgraded |= current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp;
            chain.Add(next);
            if (!visited.Add(next.AbsoluteUri))
            {
                return new HttpOutcome { Failure = HttpFailure.RedirectLoop, FinalUri = next, Chain = chain, Attempts = attempt.Attempts };
            }

            current = next;
        }
    }

    /// <summary>
    /// HEAD answers that often mean "no HEAD here" rather than "no page": client errors other than 429, 500 and 501
    /// from servers that never implemented HEAD, dropped connections, and a HEAD that never answers. Retried 502-504s and 429s are not
    /// asked again with GET.
    /// </summary>
    private static bool NeedsGet(Attempt attempt) =>
        attempt.Failure is HttpFailure.Connection or HttpFailure.Timeout || attempt.Status is (>= 400 and < 500 and not 429) or 500 or 501;

    /// <summary>Same scheme, host and port (an origin, RFC 6454 §4); the default port counts as given.</summary>
    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static HttpOutcome Outcome(Attempt attempt, Uri current, List<Uri> chain, bool permanent, bool downgraded) => new()
    {
        StatusCode = attempt.Status,
        ReasonPhrase = attempt.Reason,
        Failure = attempt.Failure,
        Error = attempt.Error,
        FinalUri = current,
        Chain = chain,
        PermanentlyMoved = permanent,
        Downgraded = downgraded,
        Attempts = attempt.Attempts,
        BotProtection = attempt.BotProtection,
        Anchors = attempt.Anchors,
        BodyTruncated = attempt.Truncated,
        NotHtml = attempt.NotHtml,
    };

    private async Task<Attempt> SendWithRetriesAsync(Uri uri, bool useGet, bool readBody, bool credentialsAllowed, CancellationToken cancellationToken)
    {
        var host = uri.IdnHost;
        for (var number = 1; ; number++)
        {
            Attempt attempt;
            _scheduler.NoteWaiting(host, 1);
            HostScheduler.Lease lease;
            try
            {
                lease = await _scheduler.AcquireAsync(host, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _scheduler.NoteWaiting(host, -1);
            }

            using (lease)
            {
                attempt = await SendOnceAsync(uri, useGet, readBody, credentialsAllowed, cancellationToken).ConfigureAwait(false) with { Attempts = number };
            }

            if (!attempt.IsTransient || number > _options.MaxRetries || (!useGet && attempt.Failure == HttpFailure.Timeout))
            {
                // A HEAD that hangs is not asked again: servers that never answer HEAD often answer GET (issue 9),
                // so the caller falls back to GET instead of spending every retry on HEAD.
                return attempt;
            }

            var delay = RetryDelay(attempt, number);
            if (attempt.Status == 429)
            {
                // A rate limit is about the host, not this request: everything to this host waits.
                _scheduler.BackOff(host, delay);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Retry-After when the server sent one, else exponential back-off with jitter; never above the cap.</summary>
    private TimeSpan RetryDelay(Attempt attempt, int number)
    {
        TimeSpan delay;
        if (attempt.RetryAfter is { } retryAfter)
        {
            delay = retryAfter;
        }
        else
        {
            // "Equal jitter": half the exponential delay, plus a random part of the other half.
            var exponential = _options.RetryBaseDelay * Math.Pow(2, number - 1);
            delay = (exponential / 2) + (exponential / 2 * _random());
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxRetryWait ? _options.MaxRetryWait : delay;
    }

    private async Task<Attempt> SendOnceAsync(Uri uri, bool useGet, bool readBody, bool credentialsAllowed, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(useGet ? HttpMethod.Get : HttpMethod.Head, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        foreach (var accept in AcceptHeader)
        {
            request.Headers.Accept.Add(accept);
        }

        foreach (var header in _options.Headers)
        {
            // Headers (tokens, cookies) go only to the host they were given for, compared on the exact host.
            if (credentialsAllowed && string.Equals(header.Host, uri.IdnHost, StringComparison.OrdinalIgnoreCase) || string.Equals(header.Host, uri.Authority, StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var attempt = new Attempt
            {
                Status = status,
                Reason = response.ReasonPhrase,
                Location = response.Headers.Location,
                RetryAfter = RetryAfterOf(response.Headers.RetryAfter),
                BotProtection = BotProtectionOf(status, response),
            };

            if (useGet && readBody && status is >= 200 and < 300)
            {
                attempt = await ReadAnchorsAsync(response, attempt, linked.Token).ConfigureAwait(false);
            }

            return attempt;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Attempt { Failure = HttpFailure.Timeout, Error = $"no answer within {_options.Timeout.TotalSeconds:0.#} s" };
        }
        catch (HttpRequestException e)
        {
            return new Attempt { Failure = HttpFailure.Connection, Error = Describe(e), ConnectionTransient = IsTransient(e) };
        }
        catch (IOException e)
        {
            return new Attempt { Failure = HttpFailure.Connection, Error = e.Message, ConnectionTransient = true };
        }
    }

    /// <summary>Reads at most the body cap of an HTML page and collects its ids and names.</summary>
    private async Task<Attempt> ReadAnchorsAsync(HttpResponseMessage response, Attempt attempt, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return attempt with { NotHtml = true };
        }

        var cap = _options.MaxBodyBytes;
        using var body = new MemoryStream();
        var truncated = false;
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cap + 1 - body.Length)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                body.Write(buffer, 0, read);
                if (body.Length > cap)
                {
                    // Stop reading: a huge page (or a decompression bomb) is never downloaded beyond the cap.
                    truncated = true;
                    body.SetLength(cap);
                    break;
                }
            }
        }

        var encoding = EncodingOf(response.Content.Headers.ContentType?.CharSet);
        var html = encoding.GetString(body.GetBuffer(), 0, (int)body.Length);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        HtmlLinkScanner.Scan(html, [], anchors);
        return attempt with { Anchors = anchors, Truncated = truncated };
    }

    private static Encoding EncodingOf(string? charset)
    {
        if (charset is not null)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"', '\''));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is what almost every page is.
            }
        }

        return Encoding.UTF8;
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    /// <summary>
    /// Answers that mean "a robot was refused", not "the page is gone": Cloudflare's challenge (403/503 with its
    /// cf-mitigated or cf-ray and server headers) and LinkedIn's 999.
    /// </summary>
    private static string? BotProtectionOf(int status, HttpResponseMessage response)
    {
        if (status == 999)
        {
            return "the site refuses robots (999)";
        }

        if (status is 403 or 503)
        {
            var headers = response.Headers;
            var cloudflare = headers.Contains("cf-mitigated")
                || (headers.Contains("cf-ray") && headers.Server.Any(s => s.Product?.Name.Equals("cloudflare", StringComparison.OrdinalIgnoreCase) == true))
                || headers.Server.Any(s => s.Product?.Name.Equals("cloudflare", StringComparison.OrdinalIgnoreCase) == true && status == 403);
            if (cloudflare)
            {
                return $"refused by Cloudflare's bot protection ({status})";
            }
        }

        return null;
    }

    private static bool IsTransient(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ConfigurationLimitExceeded
            or HttpRequestError.InvalidResponse or HttpRequestError.UserAuthenticationError
            or HttpRequestError.ProxyTunnelError => false,
        _ => true,
    };

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "host not found (DNS)",
        HttpRequestError.SecureConnectionError => "TLS error: " + (e.InnerException?.Message ?? e.Message),
        HttpRequestError.ConnectionError => "connection failed: " + (e.InnerException?.Message ?? e.Message),
        HttpRequestError.ResponseEnded => "connection closed before the response ended",
        _ => e.InnerException?.Message ?? e.Message,
    };

    /// <summary>One request's result, before retries and redirects are decided.</summary>
    private sealed record Attempt
    {
        public int? Status { get; init; }

        public string? Reason { get; init; }

        public HttpFailure Failure { get; init; }

        public string? Error { get; init; }

        public bool ConnectionTransient { get; init; }

        public Uri? Location { get; init; }

        public TimeSpan? RetryAfter { get; init; }

        public string? BotProtection { get; init; }

        public IReadOnlyCollection<string>? Anchors { get; init; }

        public bool Truncated { get; init; }

        public bool NotHtml { get; init; }

        public int Attempts { get; init; } = 1;

        public bool IsTransient =>
            Failure == HttpFailure.Timeout || (Failure == HttpFailure.Connection && ConnectionTransient) || Status is 429 or 502 or 503 or 504;
    }
}
