using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// A small YAML writer: single-quoted strings (no escapes to get wrong), a comment where meaning differs, and
/// one entry per key (two source settings that map to one key are merged, never written twice).
/// </summary>
internal sealed class ImportedYaml
{
    private readonly string _header;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (List<string> Notes, object Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<(string Host, List<(string Name, string Value)> Headers)> _hosts = [];
    private readonly StringBuilder _unsupported = new();
    private bool _replacedSecrets;

    public ImportedYaml(string source, string tool) =>
        _header = $"# .linkcheck.yml imported from {OneLine(Path.GetFileName(source))} ({tool}). Review the comments below.\n";

    public void Value(string key, object value, string? note = null)
    {
        var merged = _entries.TryGetValue(key, out var old) && old.Value is bool was && value is bool now ? was || now : value;
        Set(key, merged, note);
    }

    public void Text(string key, string value, string? note = null) => Set(key, value, note);

    public void List(string key, IReadOnlyList<string> values, string? note = null)
    {
        var items = _entries.TryGetValue(key, out var old) && old.Value is List<string> existing ? existing : [];
        items.AddRange(values);
        Set(key, items, note);
    }

    /// <summary>Rewrites every item of a list entry; false when there is no such entry.</summary>
    public bool Rewrite(string key, Func<string, string> rewrite, string note)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Value is not List<string> items)
        {
            return false;
        }

        Set(key, items.ConvertAll(i => rewrite(i)), note);
        return true;
    }

    public void Host(string host, List<(string Name, string Value)> headers, bool replacedSecrets)
    {
        _hosts.Add((host, headers));
        _replacedSecrets |= replacedSecrets;
    }

    public void Unsupported(string key, object value, string why) =>
        _unsupported.Append(CultureInfo.InvariantCulture, $"# {key} = {OneLine(Describe(value))}: not imported, {why}\n");

    private static string Describe(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        TomlArray array => "[" + string.Join(", ", array.Select(Describe)) + "]",
        JsonElement json => Compact(json),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Compact(JsonElement json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            json.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void Set(string key, object value, string? note)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            _order.Add(key);
            entry = ([], value);
        }

        if (note is not null)
        {
            entry.Notes.Add(note);
        }

        _entries[key] = (entry.Notes, value);
    }

    public override string ToString()
    {
        var text = new StringBuilder(_header);
        foreach (var key in _order)
        {
            var (notes, value) = _entries[key];
            foreach (var note in notes)
            {
                text.Append("# ").Append(OneLine(note)).Append('\n');
            }

            text.Append(key).Append(':');
            if (value is List<string> items)
            {
                text.Append('\n');
                foreach (var item in items)
                {
                    text.Append("  - ").Append(Quote(item)).Append('\n');
                }
            }
            else
            {
                text.Append(' ').Append(Scalar(value)).Append('\n');
            }
        }

        if (_hosts.Count > 0)
        {
            if (_replacedSecrets)
            {
                text.Append("# Credentials were replaced by ${VARIABLES}: set them in the environment (CI secrets), never in this file.\n");
            }

            text.Append("hosts:\n");
            foreach (var group in _hosts.GroupBy(h => h.Host, StringComparer.OrdinalIgnoreCase))
            {
                text.Append("  ").Append(Quote(group.Key)).Append(":\n    headers:\n");
                foreach (var (name, value) in group.SelectMany(g => g.Headers))
                {
                    text.Append("      ").Append(Quote(name)).Append(": ").Append(Quote(value)).Append('\n');
                }
            }
        }

        return _unsupported.Length == 0 ? text.ToString() : text.Append("\n# Settings without an equivalent:\n").Append(_unsupported).ToString();
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>
    /// A value exactly as the source had it: single-quoted when it has nothing a single-quoted scalar cannot
    /// hold, else double-quoted with YAML escapes (YAML 1.2 §5.7), so a pattern with a line break or a NUL is
    /// carried over as it is instead of silently becoming another pattern. Text that no YAML file can hold (a
    /// lone surrogate) is refused.
    /// </summary>
    private static string Quote(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    text.Append(c).Append(value[++i]);
                    continue;
                }

                throw new LinkCheckConfigurationException($"--import: the value '{OneLine(value)}' holds a lone UTF-16 surrogate, which a YAML file cannot hold: not imported");
            }

            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                _ when NeedsEscape(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    // Controls, and what YAML 1.1 parsers take as line breaks (NEL, LS, PS) or a byte order mark.
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c);

    /// <summary>Line breaks and other controls would end a comment or a scalar early: they become spaces.</summary>
    private static string OneLine(string value) =>
        value.AsSpan().ContainsAnyInRange('\0', '\u001F') ? new string([.. value.Select(c => char.IsControl(c) ? ' ' : c)]) : value;
}
