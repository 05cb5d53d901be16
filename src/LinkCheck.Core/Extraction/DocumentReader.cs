using System.Text;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// Reads a text file strictly: a file that is not UTF-8, is binary, is too large or cannot be opened gives a
/// clear one-line reason instead of an exception, so one bad file never stops the others from being checked.
/// </summary>
public static class DocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="fullPath"/> as UTF-8 text (a BOM is allowed and dropped).</summary>
    /// <returns>The text, or null with <paramref name="error"/> set.</returns>
    public static string? TryRead(string fullPath, long maxBytes, out string? error)
    {
        byte[] bytes;
        try
        {
            // Only regular files are opened: a FIFO would block the read forever, a device never ends.
            if (!Discovery.RegularFile.Is(fullPath))
            {
                error = "not a regular file (a FIFO, socket or device): not read";
                return null;
            }

            var info = new FileInfo(fullPath);
            if (info.Length > maxBytes)
            {
                error = $"file is too large to check ({FormatSize(info.Length)}; the limit is {FormatSize(maxBytes)}, see --max-file-size)";
                return null;
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = "cannot read file: " + e.Message;
            return null;
        }

        return TryDecode(bytes, out error);
    }

    /// <summary>Decodes <paramref name="bytes"/> as strict UTF-8, refusing binary content.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? error)
    {
        // Git's own heuristic (xdiff-interface.c buffer_is_binary): a NUL in the first 8000 bytes means binary.
        var probe = bytes[..Math.Min(bytes.Length, 8000)];
        if (probe.Contains((byte)0))
        {
            error = "binary file (contains NUL bytes), not markdown";
            return null;
        }

        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            var offset = FirstInvalidUtf8(body);
            var line = 1 + body[..offset].Count((byte)'\n');
            error = $"not valid UTF-8 (invalid byte 0x{body[offset]:X2} at line {line}, byte offset {offset + (bytes.Length - body.Length)})";
            return null;
        }

        error = null;
        return StrictUtf8.GetString(body);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return Math.Max(0, bytes.Length - 1);
    }

    /// <summary>Formats a byte count for messages: <c>1.5 MB</c>.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes",
    };
}
