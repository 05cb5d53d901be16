namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>The result of building a fixture: the source copy the generator read, its output folder, its exit code and output.</summary>
/// <param name="SourceRoot">The copy of the fixture (linkcheck checks this same tree).</param>
/// <param name="OutputRoot">Where the generator wrote the site.</param>
/// <param name="ExitCode">The generator's exit code.</param>
/// <param name="Log">Its standard output and error.</param>
public sealed record BuildOutcome(string SourceRoot, string OutputRoot, int ExitCode, string Log)
{
    /// <summary>True when the generator built the site.</summary>
    public bool Succeeded => ExitCode == 0;
}
