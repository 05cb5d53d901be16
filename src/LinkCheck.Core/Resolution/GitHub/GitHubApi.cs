using System.Net;
using Octokit;

namespace LinkCheck.Core.Resolution.GitHub;

/// <summary>
/// Calls to the GitHub API with GitHub's secondary rate limits handled: a 403 or 429 that says "slow down"
/// (with Retry-After, or x-ratelimit-remaining: 0 and a reset time) is waited out and retried, up to a limit
/// (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
/// </summary>
public sealed class GitHubApi
{
    /// <summary>Retries after a rate limit before giving up.</summary>
    public const int MaxRetries = 3;

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxWait;

    /// <summary>Creates the helper; waits longer than <paramref name="maxWait"/> are not made (the call fails instead).</summary>
    public GitHubApi(IGitHubClient client, TimeProvider time, TimeSpan? maxWait = null)
    {
        Client = client;
        _time = time;
        _maxWait = maxWait ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>The Octokit client.</summary>
    public IGitHubClient Client { get; }

    /// <summary>Runs <paramref name="call"/>, waiting out rate limits.</summary>
    public async Task<T> CallAsync<T>(Func<IGitHubClient, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(Client).ConfigureAwait(false);
            }
            catch (ApiException e) when (attempt < MaxRetries && RateLimitWait(e) is { } wait && wait <= _maxWait)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How long a rate-limited answer asks us to wait, or null when the error is not a rate limit.</summary>
    public TimeSpan? RateLimitWait(ApiException e)
    {
        if (e.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        var headers = e.HttpResponse?.Headers;
        if (headers is not null)
        {
            if (Header(headers, "Retry-After") is { } retryAfter && int.TryParse(retryAfter, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (Header(headers, "x-ratelimit-remaining") == "0" && Header(headers, "x-ratelimit-reset") is { } reset
                && long.TryParse(reset, out var epoch))
            {
                var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - _time.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        // A 429, or a 403 that says it is a secondary rate limit, without a time: GitHub asks for a minute.
        return e.StatusCode == HttpStatusCode.TooManyRequests || e is SecondaryRateLimitExceededException
            || e.Message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
            ? DefaultWait
            : null;
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
