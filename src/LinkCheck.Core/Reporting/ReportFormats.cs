namespace LinkCheck.Core.Reporting;

/// <summary>The names of the <see cref="ReportFormat"/>s as users write them (lower case).</summary>
public static class ReportFormats
{
    /// <summary>Every format's name, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ReportFormat>().Select(Name)];

    /// <summary>The name of <paramref name="format"/>.</summary>
    public static string Name(ReportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The format named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="LinkCheckConfigurationException">No format has that name.</exception>
    public static ReportFormat Parse(string name)
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(Name(format), name, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        throw new LinkCheckConfigurationException($"format: '{name}' is not one of {string.Join(", ", Names)}");
    }
}
