namespace LinkCheck.Core.Reporting;

/// <summary>How every reporter marks the report of a cancelled run (<see cref="Model.CheckReport.Partial"/>).</summary>
public static class PartialReport
{
    /// <summary>The sentence each format carries (a line of text, a SARIF notification, a JUnit comment, a quote).</summary>
    public const string Sentence = "Partial report: the run was cancelled before every link was checked.";
}
