namespace LinkCheck.Cli;

/// <summary>The process exit codes (documented in README.md).</summary>
public static class ExitCodes
{
    /// <summary>Every link works (warnings and skipped links do not fail a run).</summary>
    public const int Ok = 0;

    /// <summary>Broken links were found, or files could not be checked.</summary>
    public const int BrokenLinks = 1;

    /// <summary>A usage or configuration error: bad option, missing path, bad pattern.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Cancelled by SIGINT (Ctrl+C), as shells report a process ended by SIGINT (128 + 2). The links checked so far
    /// are reported, marked partial.
    /// </summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM (what a CI runner sends on cancel), 128 + 15; otherwise as <see cref="Cancelled"/>.</summary>
    public const int Terminated = 143;

    /// <summary>The exit codes as <c>--help</c> lists them.</summary>
    public const string Help = """
        Exit codes:
          0    no broken links (warnings, skipped and excluded links do not fail a run)
          1    broken links, or files that could not be checked
          2    usage or configuration error
          130  cancelled by SIGINT (Ctrl+C): the links checked so far are reported, marked partial
          143  cancelled by SIGTERM (what a CI runner sends on cancel): as 130
        """;
}
