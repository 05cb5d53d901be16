using System.Text.Json;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Reporting;

/// <summary>Writes what <c>--dump</c> shows: every extracted link, without checking it.</summary>
public static class LinkDumpWriter
{
    /// <summary>One line per link: <c>path:line:col: kind url</c>, then the files that could not be read.</summary>
    public static async Task WriteTextAsync(LinkInventory inventory, TextWriter writer, CancellationToken cancellationToken)
    {
        foreach (var document in inventory.Documents)
        {
            foreach (var link in document.Links)
            {
                await writer.WriteLineAsync(
                    $"{TerminalText.Escape(link.Location.ToString())}: {Names.Of(link.Kind)} {TerminalText.Escape(link.Url)}").ConfigureAwait(false);
            }

            if (document.Error is not null)
            {
                await writer.WriteLineAsync($"{TerminalText.Escape(document.Document.Path)}:1:1: error: {TerminalText.Escape(document.Error)}").ConfigureAwait(false);
            }
        }

        foreach (var problem in inventory.Problems)
        {
            await writer.WriteLineAsync($"{TerminalText.Escape(problem.Path)}:1:1: error: {TerminalText.Escape(problem.Message)}").ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>{ "version", "links": [ { file, line, column, endColumn, url, kind, text } ], "errors": [ { file, message } ] }</c>.</summary>
    public static Task WriteJsonAsync(LinkInventory inventory, TextWriter writer, string version, CancellationToken cancellationToken) =>
        JsonOutput.WriteAsync(writer, json => Write(json, inventory, version), cancellationToken);

    private static void Write(Utf8JsonWriter json, LinkInventory inventory, string version)
    {
        json.WriteStartObject();
        json.WriteString("version", version);
        json.WriteStartArray("links");
        foreach (var document in inventory.Documents)
        {
            foreach (var link in document.Links)
            {
                json.WriteStartObject();
                JsonOutput.WriteLocation(json, link.Location);
                json.WriteString("url", link.Url);
                json.WriteString("kind", Names.Of(link.Kind));
                json.WriteString("text", link.Text);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("errors");
        var errors = inventory.Documents.Where(d => d.Error is not null).Select(d => (d.Document.Path, Message: d.Error!))
            .Concat(inventory.Problems.Select(p => (p.Path, p.Message)))
            .OrderBy(e => e.Path, StringComparer.Ordinal);
        foreach (var (path, message) in errors)
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
