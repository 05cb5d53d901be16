using System.Text.RegularExpressions;

namespace LinkCheck.Core.Filtering;

/// <summary>
/// User-supplied URL patterns. They come from configuration that may be shared or untrusted, so they run on
/// .NET's non-backtracking engine (linear time, no catastrophic backtracking) when the pattern allows it, and
/// with a match timeout otherwise.
/// </summary>
public static class UrlPattern
{
    /// <summary>How long one match of a backtracking pattern may run.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Compiles <paramref name="pattern"/>; <paramref name="option"/> names the setting in the error message.</summary>
    /// <exception cref="LinkCheckConfigurationException">The pattern is not a valid regular expression.</exception>
    public static Regex Compile(string pattern, string option)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            // Backreferences and lookarounds need the backtracking engine.
        }
        catch (ArgumentException e)
        {
            throw new LinkCheckConfigurationException($"invalid {option} pattern '{pattern}': {e.Message}");
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new LinkCheckConfigurationException($"invalid {option} pattern '{pattern}': {e.Message}");
        }
    }

    /// <summary>Checks that <paramref name="pattern"/> is a valid regular expression, without compiling it for matching.</summary>
    /// <exception cref="LinkCheckConfigurationException">It is not.</exception>
    public static void Validate(string pattern, string option)
    {
        try
        {
            // The interpreter's parse is the cheap part of a Regex: a few microseconds and no compiled matcher.
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new LinkCheckConfigurationException($"invalid {option} pattern '{pattern}': {e.Message}");
        }
    }

    /// <summary>Matches, treating a timed-out match as no match.</summary>
    public static bool IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
