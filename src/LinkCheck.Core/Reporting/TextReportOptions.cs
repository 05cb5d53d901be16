namespace LinkCheck.Core.Reporting;

/// <summary>How much the text report says.</summary>
public enum Verbosity
{
    /// <summary>Only broken links and file errors, no summary.</summary>
    Quiet,

    /// <summary>Broken links, errors, warnings and unverified links, then the summary.</summary>
    Normal,

    /// <summary>Every link with its status, notes from discovery, then the summary.</summary>
    Verbose,
}

/// <summary>Options of the text report.</summary>
/// <param name="Color">Use ANSI colours (only on a terminal, and never with NO_COLOR).</param>
/// <param name="Verbosity">How much to print.</param>
public sealed record TextReportOptions(bool Color = false, Verbosity Verbosity = Verbosity.Normal)
{
    /// <summary>
    /// Turns a repository path into the path printed (the CLI makes it relative to the current directory, so a
    /// terminal or editor opens <c>path:line:col</c> from where the user stands); null prints repository paths.
    /// </summary>
    public Func<string, string>? DisplayPath { get; init; }

    /// <summary>The path to print for <paramref name="repositoryPath"/>.</summary>
    public string Display(string repositoryPath) => DisplayPath?.Invoke(repositoryPath) ?? repositoryPath;
}
