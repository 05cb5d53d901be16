using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Reporting;

/// <summary>Shared pieces of the JSON formats (docs/json-format.md): writer settings and the link fields.</summary>
internal static class JsonOutput
{
    /// <summary>Indented, and non-ASCII text left readable (the output is a file or a pipe, never embedded in HTML).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the location fields every item has.</summary>
    public static void WriteLocation(Utf8JsonWriter json, SourceLocation location)
    {
        json.WriteString("file", location.File);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteNumber("endColumn", location.EndColumn);
    }

    /// <summary>Runs <paramref name="write"/> into a buffer and copies the UTF-8 text to <paramref name="writer"/>.</summary>
    public static async Task WriteAsync(TextWriter writer, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }

        await writer.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
