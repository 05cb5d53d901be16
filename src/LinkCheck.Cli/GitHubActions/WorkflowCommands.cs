using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LinkCheck.Core.Model;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// GitHub Actions workflow commands, escaped exactly as actions/toolkit's <c>command.ts</c> escapes them:
/// message data: <c>%</c>, CR and LF; property values additionally <c>:</c> and <c>,</c>
/// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
/// Repository text (paths, URLs, link text) is untrusted, so every report that prints it is wrapped in
/// <c>::stop-commands::TOKEN</c> … <c>::TOKEN::</c> with a random token: nothing in it can act as a command.
/// </summary>
internal static class WorkflowCommands
{
    /// <summary>Escapes command data (the message after <c>::</c>); bidirectional controls are shown as <c>\u202E</c>.</summary>
    public static string EscapeData(string value) => Percent(BidiText.Escape(value));

    /// <summary>Escapes a property value (<c>title=</c>, ...); bidirectional controls are shown as <c>\u202E</c>.</summary>
    public static string EscapeProperty(string value) => PercentProperty(BidiText.Escape(value));

    // The file= property must name the file exactly for GitHub to place the annotation: only the toolkit's escapes.
    private static string PercentProperty(string value) =>
        Percent(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Percent(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>An <c>::error</c>, <c>::warning</c> or <c>::notice</c> annotation.</summary>
    public static string Annotation(string level, string? file, int? line, int? column, int? endColumn, string? title, string message)
    {
        var properties = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                properties.Add(name + "=" + (name == "file" ? PercentProperty(value) : EscapeProperty(value)));
            }
        }

        Add("file", file);
        Add("line", line?.ToString(CultureInfo.InvariantCulture));
        Add("col", column?.ToString(CultureInfo.InvariantCulture));
        Add("endColumn", endColumn?.ToString(CultureInfo.InvariantCulture));
        Add("title", title);
        var head = properties.Count == 0 ? "::" + level : "::" + level + " " + string.Join(',', properties);
        return head + "::" + EscapeData(message);
    }

    /// <summary>A fresh, unguessable token for <c>::stop-commands::</c>.</summary>
    public static string NewStopToken() => "linkcheck-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The line that stops command processing until <see cref="ResumeCommands"/> with the same token.</summary>
    public static string StopCommands(string token) => "::stop-commands::" + token;

    /// <summary>The line that resumes command processing.</summary>
    public static string ResumeCommands(string token) => "::" + token + "::";

    /// <summary>Writes <c>name=value</c> to a GITHUB_OUTPUT file, using the heredoc form with a random delimiter so a value cannot inject another output.</summary>
    public static string Output(string name, string value)
    {
        var delimiter = "ghadelimiter_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new StringBuilder().Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n').ToString();
    }
}
