namespace LinkCheck.Core.Model;

/// <summary>What a resolver decided for one target; fanned out to every occurrence of that target.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Message">Why, in one sentence; null for a plain OK.</param>
/// <param name="Suggestion">A fix, when one is known.</param>
public sealed record Verdict(LinkStatus Status, string? Message = null, Suggestion? Suggestion = null)
{
    /// <summary>Why, as a stable code (<see cref="FindingCode"/>); null for OK and skipped links.</summary>
    public string? Code { get; init; }

    /// <summary>
    /// For a page fetched once for several fragments: the verdict of each fragment (without <c>#</c>, decoded).
    /// An occurrence whose fragment is listed gets that verdict instead of the page's.
    /// </summary>
    public IReadOnlyDictionary<string, Verdict>? FragmentVerdicts { get; init; }

    /// <summary>What was seen, for people who asked for detail (<c>-v</c>): "200, 52 ms" for a fetched page.</summary>
    public string? Detail { get; init; }

    /// <summary>A plain OK.</summary>
    public static Verdict Ok { get; } = new(LinkStatus.Ok);

    /// <summary>A broken target.</summary>
    public static Verdict Broken(string code, string message, Suggestion? suggestion = null) => new(LinkStatus.Broken, message, suggestion) { Code = code };

    /// <summary>A working target with something to fix.</summary>
    public static Verdict Warning(string code, string message, Suggestion? suggestion = null) => new(LinkStatus.Warning, message, suggestion) { Code = code };

    /// <summary>A target whose server refused a robot.</summary>
    public static Verdict Unverified(string message) => new(LinkStatus.Unverified, message) { Code = FindingCode.Unverified };

    /// <summary>A target that was not checked.</summary>
    public static Verdict Skipped(string message) => new(LinkStatus.Skipped, message);
}
