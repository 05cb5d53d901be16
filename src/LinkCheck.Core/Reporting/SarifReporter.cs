using System.Text.Json;
using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Core.Reporting;

/// <summary>
/// SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code scanning: one rule per
/// finding code, one result per broken link or warning with its exact region (SARIF columns are 1-based and the
/// end column is exclusive, §3.30.5-3.30.8; columns count UTF-16 code units, §3.14.17), and a fix (§3.55) where a
/// suggestion is known. Written with System.Text.Json; tests validate it against the official schema.
/// </summary>
public sealed class SarifReporter : IReporter
{
    /// <summary>Where the schema lives, as SARIF files name it.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly (string Code, string Name, string Description, string Level)[] Rules =
    [
        (FindingCode.FileNotFound, "FileNotFound", "A link points at a file or directory that does not exist in the repository.", "error"),
        (FindingCode.PathCase, "PathCaseMismatch", "A link's path differs from the file's only in letter case; paths are case-sensitive on GitHub and Linux.", "error"),
        (FindingCode.OutsideRepository, "OutsideRepository", "A link leaves the repository.", "error"),
        (FindingCode.AnchorNotFound, "AnchorNotFound", "A link's #fragment names no heading or anchor.", "error"),
        (FindingCode.AnchorCase, "AnchorCaseMismatch", "A link's #fragment matches an anchor only ignoring case.", "warning"),
        (FindingCode.LineOutOfRange, "LineOutOfRange", "A #L line anchor is past the end of the file.", "error"),
        (FindingCode.TargetIgnored, "TargetIgnoredByGit", "A link points at a file that exists locally but is ignored by git.", "warning"),
        (FindingCode.TargetUnreadable, "TargetUnreadable", "The anchors of a link's target file could not be read.", "error"),
        (FindingCode.HttpStatus, "HttpStatus", "An external link answers with a status that means the page is gone.", "error"),
        (FindingCode.Timeout, "Timeout", "An external link did not answer in time, on every try.", "error"),
        (FindingCode.Connection, "ConnectionFailed", "An external link's server could not be reached.", "error"),
        (FindingCode.RedirectError, "RedirectError", "An external link redirects in a loop, too many times, or nowhere.", "error"),
        (FindingCode.PermanentRedirect, "PermanentRedirect", "An external link has moved permanently; point it at the new URL.", "warning"),
        (FindingCode.InsecureRedirect, "InsecureRedirect", "An https link redirects to http.", "warning"),
        (FindingCode.InsecureLink, "InsecureLink", "An http link whose https form works (--require-https).", "warning"),
        (FindingCode.Unverified, "Unverified", "A server refused a robot (bot protection, rate limits): the page was not verified.", "warning"),
        (FindingCode.InvalidMail, "InvalidMail", "A mailto: link has no valid address.", "error"),
        (FindingCode.InvalidUrl, "InvalidUrl", "A URL cannot work.", "error"),
        (FindingCode.EmptyLink, "EmptyLink", "A link has an empty destination.", "warning"),
        (FindingCode.GitHubNotFound, "GitHubNotFound", "A GitHub repository, file, issue, pull request or release does not exist.", "error"),
        (FindingCode.FileError, "FileError", "A file could not be checked (binary, unreadable, nested too deeply, too large).", "error"),
        (FindingCode.NotUtf8, "NotUtf8", "A text file is not UTF-8; it was read as Windows-1252 or UTF-16, as GitHub renders it.", "warning"),
        (FindingCode.UnusedDefinition, "UnusedDefinition", "A link reference definition that no link uses points at a broken target; it is never rendered.", "warning"),
        (FindingCode.ShadowedDefinition, "ShadowedDefinition", "A link reference definition that an earlier one with the same label shadows points at a broken target; it is never rendered.", "warning"),
    ];

    private readonly TextWriter _writer;
    private readonly string _version;

    /// <summary>Creates the reporter.</summary>
    public SarifReporter(TextWriter writer, string version)
    {
        _writer = writer;
        _version = version;
    }

    /// <inheritdoc />
    public Task ReportAsync(CheckReport report, CancellationToken cancellationToken) =>
        JsonOutput.WriteAsync(_writer, json => Write(json, report), cancellationToken);

    private void Write(Utf8JsonWriter json, CheckReport report)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "linkcheck");
        json.WriteString("version", _version);
        json.WriteString("semanticVersion", _version);
        json.WriteStartArray("rules");
        foreach (var (code, name, description, level) in Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteString("name", name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", description);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", level);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("columnKind", "utf16CodeUnits");
        if (report.Partial)
        {
            // SARIF 2.1.0 §3.20: an invocation that did not finish reports executionSuccessful false, with the reason.
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", false);
            json.WriteStartArray("toolExecutionNotifications");
            json.WriteStartObject();
            json.WriteStartObject("message");
            json.WriteString("text", PartialReport.Sentence);
            json.WriteEndObject();
            json.WriteString("level", "warning");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("results");
        foreach (var result in report.Results)
        {
            var level = LevelOf(result, report);
            if (level is null)
            {
                continue;
            }

            var code = result.Code ?? (result.Status == LinkStatus.Unverified ? FindingCode.Unverified : FindingCode.FileError);
            var index = Array.FindIndex(Rules, r => r.Code == code);
            json.WriteStartObject();
            json.WriteString("ruleId", code);
            if (index >= 0)
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", level);
            json.WriteStartObject("message");
            json.WriteString("text", result.Url is null
                ? result.Message ?? string.Empty
                : $"{result.Url}: {result.Message}{(result.Suggestion is null ? string.Empty : $" (suggestion: {result.Suggestion})")}");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysicalLocation(json, result.Location, withColumns: result.Url is not null);
            json.WriteEndObject();
            json.WriteEndArray();

            // A fix object only for the unambiguous fixes --fix would make, at the destination as written.
            if (result.Fixable && result.Suggestion is not null && result.Url is not null)
            {
                var at = result.Destination ?? result.Location;
                json.WriteStartArray("fixes");
                json.WriteStartObject();
                json.WriteStartObject("description");
                json.WriteString("text", $"Replace {result.Url} with {result.Suggestion}");
                json.WriteEndObject();
                json.WriteStartArray("artifactChanges");
                json.WriteStartObject();
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", UriOf(at.File));
                json.WriteString("uriBaseId", "%SRCROOT%");
                json.WriteEndObject();
                json.WriteStartArray("replacements");
                json.WriteStartObject();
                json.WritePropertyName("deletedRegion");
                WriteRegion(json, at, withColumns: true);
                json.WriteStartObject("insertedContent");
                json.WriteString("text", result.Suggestion);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceLocation location, bool withColumns)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", UriOf(location.File));
        json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
        json.WritePropertyName("region");
        WriteRegion(json, location, withColumns);
        json.WriteEndObject();
    }

    /// <summary>A region (§3.30): SARIF's end column is exclusive, ours inclusive.</summary>
    private static void WriteRegion(Utf8JsonWriter json, SourceLocation location, bool withColumns)
    {
        json.WriteStartObject();
        json.WriteNumber("startLine", location.Line);
        if (withColumns)
        {
            json.WriteNumber("startColumn", location.Column);
            json.WriteNumber("endColumn", location.EndColumn + 1);
        }

        json.WriteEndObject();
    }

    /// <summary>A repository path as a relative URI reference (RFC 3986), each segment percent-encoded.</summary>
    private static string UriOf(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string? LevelOf(LinkResult result, CheckReport report) =>
        report.IsFailing(result) ? "error" : report.IsWarning(result) ? "warning" : null;
}
