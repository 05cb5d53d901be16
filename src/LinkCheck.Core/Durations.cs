using System.Globalization;

namespace LinkCheck.Core;

/// <summary>Durations in options and configuration: <c>500ms</c>, <c>20s</c>, <c>2m</c>, <c>1h</c>, <c>1d</c>; a bare number means seconds.</summary>
public static class Durations
{
    /// <summary>Parses a duration; false when the text is not one.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var value = text.Trim();
        var (number, unit) = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase)
            ? (value[..^2], 0.001)
            : value.Length > 0 && char.IsLetter(value[^1])
                ? (value[..^1], char.ToLowerInvariant(value[^1]) switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => double.NaN })
                : (value, 1.0);
        if (!double.IsNaN(unit) && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && amount * unit < 366 * 86400)
        {
            duration = TimeSpan.FromSeconds(amount * unit);
            return true;
        }

        duration = TimeSpan.Zero;
        return false;
    }

    /// <summary>Writes a duration the way <see cref="TryParse"/> reads it.</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalMilliseconds: 0 } => "0ms",
        { TotalDays: >= 1 } when duration.TotalDays == Math.Floor(duration.TotalDays) => duration.TotalDays.ToString(CultureInfo.InvariantCulture) + "d",
        { TotalSeconds: >= 1 } when duration.TotalSeconds == Math.Floor(duration.TotalSeconds) => duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        _ => duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms",
    };
}
