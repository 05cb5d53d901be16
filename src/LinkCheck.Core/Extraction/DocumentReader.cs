using System.Text;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// Reads a text file: a file that is binary, is too large or cannot be opened gives a clear one-line reason
/// instead of an exception, so one bad file never stops the others from being checked; a text file that is not
/// UTF-8 is decoded as GitHub would render it, with a warning.
/// </summary>
public static class DocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="fullPath"/> as text (see <see cref="TryDecode(ReadOnlySpan{byte}, out string?, out string?)"/>).</summary>
    /// <returns>The text, or null with <paramref name="error"/> set.</returns>
    public static string? TryRead(string fullPath, long maxBytes, out string? error) => TryRead(fullPath, maxBytes, out error, out _);

    /// <summary>Reads <paramref name="fullPath"/> as text; <paramref name="warning"/> says when it was not UTF-8.</summary>
    /// <returns>The text, or null with <paramref name="error"/> set.</returns>
    public static string? TryRead(string fullPath, long maxBytes, out string? error, out string? warning)
    {
        byte[] bytes;
        warning = null;
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

        return TryDecode(bytes, out error, out warning);
    }

    /// <summary>Decodes <paramref name="bytes"/> as UTF-8, refusing binary content (see the other overload).</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? error) => TryDecode(bytes, out error, out _);

    /// <summary>
    /// Decodes <paramref name="bytes"/> the way GitHub renders them: UTF-8 (a BOM is allowed and dropped); UTF-16
    /// with a byte order mark; otherwise Windows-1252, the superset of Latin-1 that GitHub's encoding detection
    /// settles on for such files, with <paramref name="warning"/> naming the first byte that is not UTF-8. Only
    /// binary content is an error: a NUL byte (git's own test), or mostly bytes that are not text.
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? error, out string? warning)
    {
        warning = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var littleEndian = bytes[0] == 0xFF;
            var utf16 = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: true, throwOnInvalidBytes: false);
            error = null;
            warning = $"not UTF-8: UTF-16 {(littleEndian ? "LE" : "BE")} (byte order mark 0x{bytes[0]:X2} 0x{bytes[1]:X2}), read as UTF-16";
            return utf16.GetString(bytes[2..]);
        }

        // Git's own heuristic (xdiff-interface.c buffer_is_binary): a NUL in the first 8000 bytes means binary.
        var probe = bytes[..Math.Min(bytes.Length, 8000)];
        if (probe.Contains((byte)0))
        {
            error = "binary file (contains NUL bytes), not markdown";
            return null;
        }

        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            error = null;
            return StrictUtf8.GetString(body);
        }

        if (MostlyNotText(probe))
        {
            error = "binary file (mostly bytes that are not text), not markdown";
            return null;
        }

        var offset = FirstInvalidUtf8(body);
        var line = 1 + body[..offset].Count((byte)'\n');
        error = null;
        warning = $"not valid UTF-8 (byte 0x{body[offset]:X2} at line {line}, byte offset {offset + (bytes.Length - body.Length)}), read as Windows-1252; save the file as UTF-8";
        return Windows1252(body);
    }

    /// <summary>
    /// True when more than a third of the bytes are control characters that text does not use (tab, line feed,
    /// form feed and carriage return are text), or bytes Windows-1252 leaves undefined.
    /// </summary>
    private static bool MostlyNotText(ReadOnlySpan<byte> probe)
    {
        var control = 0;
        foreach (var b in probe)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r')) || b == 0x7F || b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
            {
                control++;
            }
        }

        return control * 3 > probe.Length;
    }

    /// <summary>
    /// Windows-1252 as the WHATWG Encoding Standard defines it (index-windows-1252): Latin-1, except 0x80-0x9F,
    /// which hold typographic characters; the five bytes it leaves undefined map to the C1 controls.
    /// </summary>
    private static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? HighControls[b - 0x80] : (char)b;
            }
        });
    }

    private static readonly char[] HighControls =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

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
