using System.Globalization;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// A set of HTTP status codes written as codes and ranges, as lychee writes them: <c>200..=299</c> (inclusive),
/// <c>200..300</c> (end excluded), <c>403</c>, separated by commas.
/// </summary>
public sealed class StatusCodeSet
{
    private readonly IReadOnlyList<(int Low, int High)> _ranges;

    private StatusCodeSet(IReadOnlyList<(int, int)> ranges, string text)
    {
        _ranges = ranges;
        Text = text;
    }

    /// <summary>The success codes, <c>200..=299</c>.</summary>
    public static StatusCodeSet Default { get; } = Parse("200..=299");

    /// <summary>The set as written.</summary>
    public string Text { get; }

    /// <summary>True when <paramref name="status"/> is in the set.</summary>
    public bool Contains(int status) => _ranges.Any(r => status >= r.Low && status <= r.High);

    /// <summary>Parses a set; throws a configuration error naming the bad part.</summary>
    /// <param name="text">Codes and ranges, comma-separated.</param>
    /// <param name="source">Where the text comes from (an option, a file and line), to start the error message.</param>
    /// <exception cref="LinkCheckConfigurationException">The text is not a list of codes and ranges.</exception>
    public static StatusCodeSet Parse(string text, string source = "accept")
    {
        var ranges = new List<(int, int)>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var inclusive = raw.Contains("..=", StringComparison.Ordinal);
            var parts = raw.Split(inclusive ? "..=" : "..");
            if (parts.Length == 1 && Code(parts[0]) is { } single)
            {
                ranges.Add((single, single));
            }
            else if (parts.Length == 2 && Code(parts[0]) is { } low && Code(parts[1]) is { } high && (inclusive ? high : high - 1) >= low)
            {
                ranges.Add((low, inclusive ? high : high - 1));
            }
            else
            {
                throw new LinkCheckConfigurationException($"{source}: '{raw}' is not a status code or range (examples: 200..=299, 403, 200..300)");
            }
        }

        if (ranges.Count == 0)
        {
            throw new LinkCheckConfigurationException($"{source}: no status codes given");
        }

        return new StatusCodeSet(ranges, text);
    }

    private static int? Code(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 999 ? code : null;

    /// <inheritdoc />
    public override string ToString() => Text;
}
