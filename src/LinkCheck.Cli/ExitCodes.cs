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

    /// <summary>Cancelled (Ctrl+C), as shells report a process ended by SIGINT.</summary>
    public const int Cancelled = 130;
}
