namespace LinkCheck.Core.Resolution;

/// <summary>Why a request produced no status code.</summary>
public enum HttpFailure
{
    /// <summary>A status code was received.</summary>
    None,

    /// <summary>No answer within the timeout, on every try.</summary>
    Timeout,

    /// <summary>The connection was refused, reset or failed (DNS, TLS, protocol), on every try.</summary>
    Connection,

    /// <summary>More redirects than allowed.</summary>
    TooManyRedirects,

    /// <summary>A redirect led back to a URL already visited.</summary>
    RedirectLoop,

    /// <summary>A redirect without a usable Location header.</summary>
    BadRedirect,
}

/// <summary>What fetching one URL found, after retries and redirects.</summary>
public sealed record HttpOutcome
{
    /// <summary>The final status code, or null when <see cref="Failure"/> says why there is none.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The reason phrase of the final status, when the server sent one.</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>Why there is no usable status code.</summary>
    public HttpFailure Failure { get; init; }

    /// <summary>The last error message, for <see cref="HttpFailure.Connection"/>.</summary>
    public string? Error { get; init; }

    /// <summary>The URL the redirects ended at.</summary>
    public required Uri FinalUri { get; init; }

    /// <summary>Every URL visited, the first one included.</summary>
    public IReadOnlyList<Uri> Chain { get; init; } = [];

    /// <summary>True when every redirect on the way was permanent (301, 308) and there was at least one.</summary>
    public bool PermanentlyMoved { get; init; }

    /// <summary>True when a redirect went from https to http.</summary>
    public bool Downgraded { get; init; }

    /// <summary>Tries made for the final URL (1 plus retries; a HEAD the server does not implement is not counted).</summary>
    public int Attempts { get; init; }

    /// <summary>What the tries got, for messages: empty for one try, " three times" or " (503 twice, then 404)".</summary>
    public string Tries { get; init; } = string.Empty;

    /// <summary>True when the response looks like bot protection (Cloudflare challenge headers, LinkedIn's 999, ...).</summary>
    public string? BotProtection { get; init; }

    /// <summary>The anchors of the page, when its HTML was read; null when it was not.</summary>
    public IReadOnlyCollection<string>? Anchors { get; init; }

    /// <summary>True when the page was larger than the body cap, so <see cref="Anchors"/> is incomplete.</summary>
    public bool BodyTruncated { get; init; }

    /// <summary>How long the fetch took, retries and redirects included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when the body was not HTML, so it has no anchors to check.</summary>
    public bool NotHtml { get; init; }
}
