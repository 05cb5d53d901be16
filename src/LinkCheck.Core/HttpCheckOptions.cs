using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Core;

/// <summary>How external links are checked. Defaults are named constants, quoted by the README and the CLI help.</summary>
public sealed record HttpCheckOptions
{
    /// <summary>Requests in flight at once, over all hosts.</summary>
    public const int DefaultMaxConcurrency = 128;

    /// <summary>Requests in flight at once to one host.</summary>
    public const int DefaultHostConcurrency = 8;

    /// <summary>Redirects followed before giving up.</summary>
    public const int DefaultMaxRedirects = 10;

    /// <summary>Retries after a 429, 500, 502, 503, 504 or a reset connection (a timeout or a refused connection is retried once).</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>Bytes of a page read to find a fragment's anchor.</summary>
    public const long DefaultMaxBodyBytes = 5L * 1024 * 1024;

    /// <summary>Time allowed for one request.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The longest wait before a retry, whatever a Retry-After header asks.</summary>
    public static readonly TimeSpan DefaultMaxRetryWait = TimeSpan.FromSeconds(60);

    /// <summary>The first retry delay; each further retry doubles it (with jitter).</summary>
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a cached success stays valid.</summary>
    public static readonly TimeSpan DefaultMaxCacheAge = TimeSpan.FromDays(1);

    /// <summary>The cache file, relative to the repository root.</summary>
    public const string DefaultCacheFile = ".linkcheck-cache.json";

    /// <summary>A current browser's user agent plus ours: some servers refuse unknown agents outright.</summary>
    public static string DefaultUserAgent { get; } =
        $"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 linkcheck/{LinkCheckVersion.Current}";

    /// <summary>Requests in flight at once, over all hosts (<c>--max-concurrency</c>).</summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>Requests in flight at once to one host (<c>--host-concurrency</c>).</summary>
    public int HostConcurrency { get; init; } = DefaultHostConcurrency;

    /// <summary>Minimum time between the starts of two requests to one host (<c>--host-request-interval</c>).</summary>
    public TimeSpan HostRequestInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Per-host limits that replace the two above for that host (<c>--host-limit</c>).</summary>
    public IReadOnlyDictionary<string, HostLimits> HostOverrides { get; init; } = new Dictionary<string, HostLimits>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Redirects followed before giving up (<c>--max-redirects</c>).</summary>
    public int MaxRedirects { get; init; } = DefaultMaxRedirects;

    /// <summary>Retries after 429, 500, 502, 503, 504 and resets (<c>--max-retries</c>); timeouts and refusals get one.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>The longest single wait before a retry (<c>--max-retry-wait</c>).</summary>
    public TimeSpan MaxRetryWait { get; init; } = DefaultMaxRetryWait;

    /// <summary>The first retry delay; it doubles with each retry.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = DefaultRetryBaseDelay;

    /// <summary>Time allowed for one request, headers and the part of the body that is read (<c>--timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Status codes that mean "the page exists" (<c>--accept</c>, default <c>200..=299</c>).</summary>
    public StatusCodeSet Accept { get; init; } = StatusCodeSet.Default;

    /// <summary>What a refusal of robots (bot protection, rate limits) does to the run (<c>--unverified</c>).</summary>
    public UnverifiedPolicy Unverified { get; init; } = UnverifiedPolicy.Warn;

    /// <summary>Treat requests that still time out after every retry as a warning, not broken (<c>--accept-timeouts</c>).</summary>
    public bool AcceptTimeouts { get; init; }

    /// <summary>Check that <c>#fragment</c>s of external pages exist (<c>--no-remote-fragments</c> turns it off).</summary>
    public bool CheckRemoteFragments { get; init; } = true;

    /// <summary>The most bytes of a page read to look for an anchor; decompressed bytes count.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>The method of the first request (<c>--method</c>): HEAD (GET when needed) or GET only.</summary>
    public RequestMethod Method { get; init; } = RequestMethod.Head;

    /// <summary>Accept invalid TLS certificates for every host (<c>--insecure</c>).</summary>
    public bool Insecure { get; init; }

    /// <summary>Hosts whose invalid TLS certificates are accepted (<c>hosts: HOST: insecure: true</c>).</summary>
    public IReadOnlySet<string> InsecureHosts { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>An http:// link whose https:// form works is a warning with that fix (<c>--require-https</c>).</summary>
    public bool RequireHttps { get; init; }

    /// <summary>The User-Agent header (<c>--user-agent</c>).</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Extra request headers, each sent only to its host (<c>--header 'host: Name: value'</c>).</summary>
    public IReadOnlyList<HostHeader> Headers { get; init; } = [];

    /// <summary>Reuse successful results of earlier runs (<c>--cache</c>).</summary>
    public bool UseCache { get; init; }

    /// <summary>The cache file (<c>--cache-file</c>); relative paths are relative to the repository root.</summary>
    public string CacheFile { get; init; } = DefaultCacheFile;

    /// <summary>How long a cached success is trusted (<c>--max-cache-age</c>).</summary>
    public TimeSpan MaxCacheAge { get; init; } = DefaultMaxCacheAge;
}
