using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Fetches one URL the way a careful browser would, and no more: HEAD first (unless told to use GET), GET when HEAD
/// is refused or when the page's anchors are needed; redirects followed by hand (RFC 9110 §15.4) so they can be
/// counted, loops and downgrades seen, and per-host headers never carried to another origin; failures retried by
/// class (see <see cref="TryAsync"/>), honouring Retry-After (RFC 9110 §10.2.3).
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
        var started = _time.GetTimestamp();
        var outcome = await FetchChainAsync(uri, readBody, cancellationToken).ConfigureAwait(false);
        return outcome with { Elapsed = _time.GetElapsedTime(started) };
    }

    private async Task<HttpOutcome> FetchChainAsync(Uri uri, bool readBody, CancellationToken cancellationToken)
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
            var attempt = await TryAsync(current, readBody, credentialsAllowed, cancellationToken).ConfigureAwait(false);
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
    /// from servers that never implemented HEAD, dropped connections, and a HEAD that never answers.
    /// </summary>
    private static bool NeedsGet(Attempt attempt) =>
        (attempt.Failure == HttpFailure.Connection && attempt.Retry != RetryClass.None) || attempt.Failure == HttpFailure.Timeout
        || attempt.Status is (>= 400 and < 500 and not 429) or 500 or 501;

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
        Tries = attempt.Tries,
        BotProtection = attempt.BotProtection,
        Anchors = attempt.Anchors,
        BodyTruncated = attempt.Truncated,
        NotHtml = attempt.NotHtml,
    };

    /// <summary>
    /// Requests one URL until its answer is final, retrying by failure class:
    /// <list type="bullet">
    /// <item>429 and 503 with Retry-After: the whole host pauses that long (capped by the longest retry wait), then
    /// the same request again, up to the retry count.</item>
    /// <item>429 without Retry-After: the host's concurrency is halved (AIMD, see <see cref="HostScheduler"/>) and
    /// the request retried with back-off.</item>
    /// <item>500, 502, 503 and 504 without Retry-After, resets: exponential back-off with jitter, up to the retry
    /// count; a 500 that persists stays broken.</item>
    /// <item>A timeout or a refused connection: retried once (a HEAD by a GET), after the host's other work, since a
    /// URL that did not answer in time rarely answers the third time and each try costs a whole timeout.</item>
    /// <item>Anything else (a status, DNS, TLS): final.</item>
    /// </list>
    /// A HEAD that a server does not implement (see <see cref="NeedsGet"/>) is asked again as a GET; that does not
    /// count as a retry when the server answered with a status.
    /// </summary>
    private async Task<Attempt> TryAsync(Uri uri, bool readBody, bool credentialsAllowed, CancellationToken cancellationToken)
    {
        var host = uri.IdnHost;
        var useGet = readBody || _options.Method == RequestMethod.Get;
        var tries = new List<string>();
        var retries = 0;
        var triedOnceMore = false;
        var afterOtherWork = false;
        while (true)
        {
            var attempt = await SendAsync(uri, host, useGet, readBody, credentialsAllowed, afterOtherWork, retries, cancellationToken).ConfigureAwait(false);
            if (!useGet && attempt.Status is not null && NeedsGet(attempt))
            {
                // Many servers answer HEAD wrongly (405, 403, 400, 404, 500, 501) but GET rightly: not a try of the page.
                useGet = true;
                continue;
            }

            tries.Add(attempt.Label);
            attempt = attempt with { Attempts = tries.Count, Tries = TriesNote(tries) };
            switch (attempt.Retry)
            {
                case RetryClass.None:
                    return attempt;
                case RetryClass.Once:
                    // --max-retries 0 turns the retry off, except that a HEAD is still asked again as a GET.
                    if (triedOnceMore || (useGet && _options.MaxRetries == 0))
                    {
                        return attempt;
                    }

                    triedOnceMore = true;
                    if (attempt.Failure == HttpFailure.Timeout)
                    {
                        // The host's other URLs first: a URL that hung once is the likeliest to hang again.
                        afterOtherWork = true;
                    }
                    else if (useGet)
                    {
                        // A refused GET: give a restarting server a moment. (A refused HEAD is asked as a GET at once.)
                        await Task.Delay(RetryDelay(attempt, 1), _time, cancellationToken).ConfigureAwait(false);
                    }

                    useGet = true;
                    continue;
                case RetryClass.Pause:
                    if (retries++ >= _options.MaxRetries)
                    {
                        return attempt;
                    }

                    // A requested pause is about the host, not this request: everything to this host waits (SendAsync
                    // set the pause before it gave the slot back), and the retry waits for its end in the scheduler.
                    continue;
                default:
                    if (retries++ >= _options.MaxRetries)
                    {
                        return attempt;
                    }

                    if (!useGet && attempt.Failure == HttpFailure.Connection)
                    {
                        useGet = true;
                    }

                    await Task.Delay(RetryDelay(attempt, retries), _time, cancellationToken).ConfigureAwait(false);
                    continue;
            }
        }
    }

    /// <summary>" three times" when every try got the same, " (503 twice, then 404)" when they differed.</summary>
    private static string TriesNote(List<string> tries)
    {
        if (tries.Count == 1)
        {
            return string.Empty;
        }

        var groups = new List<(string Label, int Count)>();
        foreach (var label in tries)
        {
            if (groups.Count > 0 && groups[^1].Label == label)
            {
                groups[^1] = (label, groups[^1].Count + 1);
            }
            else
            {
                groups.Add((label, 1));
            }
        }

        return groups.Count == 1
            ? " " + Times(tries.Count)
            : " (" + string.Join(", then ", groups.Select(g => g.Count == 1 ? g.Label : g.Label + " " + Times(g.Count))) + ")";
    }

    /// <summary>"twice", "three times", "5 times".</summary>
    public static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        3 => "three times",
        _ => count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " times",
    };

    private async Task<Attempt> SendAsync(Uri uri, string host, bool useGet, bool readBody, bool credentialsAllowed, bool afterOtherWork, int retries, CancellationToken cancellationToken)
    {
        _scheduler.NoteWaiting(host, 1);
        HostScheduler.Lease lease;
        try
        {
            lease = await _scheduler.AcquireAsync(host, afterOtherWork, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _scheduler.NoteWaiting(host, -1);
        }

        using (lease)
        {
            var attempt = await SendOnceAsync(uri, useGet, readBody, credentialsAllowed, cancellationToken).ConfigureAwait(false);
            if (attempt.Status is not null)
            {
                lease.Answered(rateLimited: attempt.Status == 429 && attempt.RetryAfter is null);
            }

            // The host asked for a pause (429, 503): set it while this request still holds its slot, so no other
            // request to the host slips in between the answer and the pause.
            if (attempt.Retry == RetryClass.Pause && retries < _options.MaxRetries)
            {
                _scheduler.BackOff(host, RetryDelay(attempt, retries + 1));
            }

            return attempt;
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
            var refused = e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused };
            return new Attempt { Failure = HttpFailure.Connection, Error = Describe(e), ConnectionTransient = IsTransient(e), Refused = refused };
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

    /// <summary>How a failure is retried.</summary>
    private enum RetryClass
    {
        None,
        Once,
        Pause,
        BackOff,
    }

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

        public string Tries { get; init; } = string.Empty;

        public bool Refused { get; init; }

        /// <summary>How this answer is retried.</summary>
        public RetryClass Retry => this switch
        {
            { Failure: HttpFailure.Timeout } or { Refused: true } => RetryClass.Once,
            { Failure: HttpFailure.Connection, ConnectionTransient: true } => RetryClass.BackOff,
            { Status: 429 or 503, RetryAfter: not null } => RetryClass.Pause,
            { Status: 429 or 500 or 502 or 503 or 504 } => RetryClass.BackOff,
            _ => RetryClass.None,
        };

        /// <summary>What the try got, for the message: "500", "timed out", "connection refused".</summary>
        public string Label => this switch
        {
            { Status: { } status } => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            { Failure: HttpFailure.Timeout } => "timed out",
            { Refused: true } => "connection refused",
            _ => Error ?? "connection failed",
        };
    }
}
