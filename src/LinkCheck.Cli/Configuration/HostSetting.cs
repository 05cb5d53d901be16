using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Configuration;

/// <summary>One entry of <c>hosts:</c> in the configuration file.</summary>
/// <param name="Host">The host name, lower-cased.</param>
/// <param name="Concurrency">Requests in flight at once to this host, when set.</param>
/// <param name="Interval">Minimum time between the starts of two requests, when set.</param>
/// <param name="Headers">Headers sent to this host only (variables already expanded).</param>
/// <param name="Insecure">Accept this host's invalid TLS certificates.</param>
internal sealed record HostSetting(string Host, int? Concurrency, TimeSpan? Interval, IReadOnlyList<HostHeader> Headers, bool Insecure = false);
