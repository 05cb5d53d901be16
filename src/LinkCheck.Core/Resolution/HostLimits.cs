namespace LinkCheck.Core.Resolution;

/// <summary>Politeness settings for one host.</summary>
/// <param name="Concurrency">Requests in flight at once to this host.</param>
/// <param name="Interval">Minimum time between the starts of two requests to this host.</param>
public sealed record HostLimits(int Concurrency, TimeSpan Interval)
{
    /// <summary>Parses <c>HOST: concurrency=N, interval=DURATION</c> (either setting may be left out).</summary>
    /// <exception cref="LinkCheckConfigurationException">The text is not in that form.</exception>
    /// <param name="text">The limits, <c>HOST: concurrency=N, interval=DURATION</c>.</param>
    /// <param name="defaults">The limits a setting left out keeps.</param>
    /// <param name="source">Where the text comes from (an option, a configuration key), to start the error message.</param>
    public static (string Host, HostLimits Limits) Parse(string text, HostLimits defaults, string source = "host-limit")
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new LinkCheckConfigurationException($"{source} '{text}': expected 'HOST: concurrency=N, interval=DURATION'");
        }

        var limits = defaults;
        foreach (var setting in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == "concurrency" && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var concurrency) && concurrency >= 1)
            {
                limits = limits with { Concurrency = concurrency };
            }
            else if (parts.Length == 2 && parts[0] == "interval" && Durations.TryParse(parts[1], out var interval))
            {
                limits = limits with { Interval = interval };
            }
            else
            {
                throw new LinkCheckConfigurationException($"{source} '{text}': '{setting}' is not concurrency=N (N >= 1) or interval=DURATION");
            }
        }

        return (text[..colon].Trim().ToLowerInvariant(), limits);
    }
}
