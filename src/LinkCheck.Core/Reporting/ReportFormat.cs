namespace LinkCheck.Core.Reporting;

/// <summary>The formats a report can be written in (<see cref="ReportFormats"/> names them).</summary>
public enum ReportFormat
{
    /// <summary>For people at a terminal: findings as <c>path:line:column</c>, a summary line.</summary>
    Text,

    /// <summary>The JSON report of docs/json-format.md.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for code scanning.</summary>
    Sarif,

    /// <summary>GitHub-flavoured markdown, as in the job summary and the pull request comment.</summary>
    Markdown,

    /// <summary>JUnit XML, one test case per link, for test-report consumers.</summary>
    Junit,
}
