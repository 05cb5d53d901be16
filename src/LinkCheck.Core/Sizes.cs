using System.Globalization;

namespace LinkCheck.Core;

/// <summary>Reads sizes as <c>--max-file-size</c> and <c>max-file-size:</c> write them: <c>1048576</c>, <c>512KB</c>, <c>64MB</c>, <c>1GB</c>.</summary>
public static class Sizes
{
    private static readonly (string Suffix, long Factor)[] Units =
        [("KB", 1024L), ("MB", 1024L * 1024), ("GB", 1024L * 1024 * 1024), ("K", 1024L), ("M", 1024L * 1024), ("G", 1024L * 1024 * 1024), ("B", 1L)];

    /// <summary>The size in bytes (binary units, any case), or null when the text is not a positive size.</summary>
    public static long? Parse(string text)
    {
        var value = text.Trim();
        long factor = 1;
        foreach (var (suffix, multiplier) in Units)
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                factor = multiplier;
                value = value[..^suffix.Length].Trim();
                break;
            }
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= long.MaxValue / factor
            ? number * factor
            : null;
    }
}
