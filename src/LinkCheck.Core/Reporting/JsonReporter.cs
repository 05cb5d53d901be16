using System.Text.Json;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Reporting;

/// <summary>The machine-readable report; its shape is documented, and kept stable, in docs/json-format.md.</summary>
public sealed class JsonReporter : IReporter
{
    private readonly TextWriter _writer;
    private readonly string _version;

    /// <summary>Creates the reporter; <paramref name="version"/> is the tool version written at the top.</summary>
    public JsonReporter(TextWriter writer, string version)
    {
        _writer = writer;
        _version = version;
    }

    /// <inheritdoc />
    public Task ReportAsync(CheckReport report, CancellationToken cancellationToken) =>
        JsonOutput.WriteAsync(_writer, json => Write(json, report), cancellationToken);

    private void Write(Utf8JsonWriter json, CheckReport report)
    {
        var summary = report.Summary;
        json.WriteStartObject();
        json.WriteString("version", _version);
        json.WriteStartObject("summary");
        json.WriteNumber("files", summary.Files);
        json.WriteNumber("links", summary.Links);
        json.WriteNumber("unique", summary.Unique);
        json.WriteNumber("ok", summary.Ok);
        json.WriteNumber("broken", summary.Broken);
        json.WriteNumber("warnings", summary.Warnings);
        json.WriteNumber("unverified", summary.Unverified);
        json.WriteNumber("skipped", summary.Skipped);
        json.WriteNumber("excluded", summary.Excluded);
        json.WriteNumber("errors", summary.Errors);
        json.WriteNumber("durationMs", (long)summary.Duration.TotalMilliseconds);
        if (report.Partial)
        {
            json.WriteBoolean("partial", true);
        }

        if (report.Sites.Count > 0)
        {
            // Only when there is a site: a repository without one gets exactly the report it always got.
            json.WriteStartArray("sites");
            foreach (var site in report.Sites)
            {
                json.WriteStartObject();
                json.WriteString("root", site.Info.Root);
                json.WriteString("generator", site.Info.Generator);
                json.WriteString("origin", site.Info.Origin == SiteOrigin.Configured ? "configured" : "detected");
                json.WriteString("config", site.Info.ConfigFile);
                json.WriteString("baseUrl", site.Info.BaseUrl?.AbsoluteUri);
                json.WriteString("basePath", site.Info.BasePath);
                json.WriteNumber("pages", site.Pages);
                json.WriteNumber("files", site.Files);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var result in report.Results)
        {
            json.WriteStartObject();
            JsonOutput.WriteLocation(json, result.Location);
            WriteNullable(json, "url", result.Url);
            WriteNullable(json, "kind", result.Kind is { } kind ? Names.Of(kind) : null);
            json.WriteString("text", result.Text);
            json.WriteString("status", Names.Of(result.Status));
            WriteNullable(json, "message", result.Message);
            WriteNullable(json, "suggestion", result.Suggestion);
            WriteNullable(json, "code", result.Code);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
