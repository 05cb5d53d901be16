using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Successful external checks remembered between runs (<c>--cache</c>), so a re-run skips what just worked.
/// Only OK and warning verdicts are stored, never failures (a broken link is re-checked every run); entries older
/// than the maximum age are checked again. A corrupt or truncated file is ignored with a warning, and the file is
/// replaced atomically (written beside it, then renamed), so a killed run never leaves half a cache.
/// </summary>
public sealed class LinkCache
{
    private const int FormatVersion = 1;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;

    private LinkCache(string path, TimeSpan maxAge, TimeProvider time)
    {
        _path = path;
        _maxAge = maxAge;
        _time = time;
    }

    /// <summary>A problem met while loading (the file is then ignored), or null.</summary>
    public string? LoadWarning { get; private set; }

    /// <summary>How many lookups were answered from the cache.</summary>
    public int Hits { get; private set; }

    /// <summary>Loads the cache at <paramref name="path"/>; a missing file is an empty cache.</summary>
    public static LinkCache Load(string path, TimeSpan maxAge, TimeProvider time)
    {
        var cache = new LinkCache(path, maxAge, time);
        if (!File.Exists(path) || !Discovery.RegularFile.Is(path))
        {
            return cache;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != FormatVersion)
            {
                cache.LoadWarning = $"cache {path} has another format version; starting a new cache";
                return cache;
            }

            foreach (var property in root.GetProperty("entries").EnumerateObject())
            {
                var value = property.Value;
                var anchors = value.TryGetProperty("anchors", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal)
                    : null;
                cache._entries[property.Name] = new Entry(
                    value.GetProperty("checkedAt").GetDateTimeOffset(),
                    value.GetProperty("status").GetString() == "warning" ? LinkStatus.Warning : LinkStatus.Ok,
                    value.TryGetProperty("message", out var message) ? message.GetString() : null,
                    value.TryGetProperty("suggestion", out var suggestion) ? suggestion.GetString() : null,
                    anchors,
                    value.TryGetProperty("code", out var code) ? code.GetString() : null);
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            cache._entries.Clear();
            cache.LoadWarning = $"cache {path} is unreadable ({e.GetType().Name}); ignoring it";
        }

        return cache;
    }

    /// <summary>
    /// A fresh cached verdict for <paramref name="key"/>; when <paramref name="needAnchors"/>, only an entry that
    /// kept the page's anchors will do.
    /// </summary>
    public bool TryGet(string key, bool needAnchors, out Verdict verdict, out IReadOnlyCollection<string>? anchors)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry)
                && _time.GetUtcNow() - entry.CheckedAt <= _maxAge
                && (!needAnchors || entry.Anchors is not null))
            {
                Hits++;
                verdict = new Verdict(entry.Status, entry.Message, entry.Suggestion is null ? null : new Suggestion.ReplaceUrl(entry.Suggestion)) { Code = entry.Code };
                anchors = entry.Anchors;
                return true;
            }
        }

        verdict = Verdict.Ok;
        anchors = null;
        return false;
    }

    /// <summary>Remembers a verdict; failures are never stored.</summary>
    public void Put(string key, Verdict verdict, IReadOnlyCollection<string>? anchors)
    {
        if (verdict.Status is not (LinkStatus.Ok or LinkStatus.Warning))
        {
            return;
        }

        lock (_lock)
        {
            var suggestion = verdict.Suggestion is Suggestion.ReplaceUrl url ? url.Url : null;
            _entries[key] = new Entry(_time.GetUtcNow(), verdict.Status, verdict.Message, suggestion, anchors, verdict.Code);
        }
    }

    /// <summary>Writes the cache (fresh entries only) to a temporary file and renames it over the old one.</summary>
    public void Save()
    {
        var now = _time.GetUtcNow();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartObject("entries");
            lock (_lock)
            {
                foreach (var (key, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    if (now - entry.CheckedAt > _maxAge)
                    {
                        continue;
                    }

                    json.WriteStartObject(key);
                    json.WriteString("checkedAt", entry.CheckedAt);
                    json.WriteString("status", entry.Status == LinkStatus.Warning ? "warning" : "ok");
                    if (entry.Message is not null)
                    {
                        json.WriteString("message", entry.Message);
                    }

                    if (entry.Suggestion is not null)
                    {
                        json.WriteString("suggestion", entry.Suggestion);
                    }

                    if (entry.Code is not null)
                    {
                        json.WriteString("code", entry.Code);
                    }

                    if (entry.Anchors is not null)
                    {
                        json.WriteStartArray("anchors");
                        foreach (var anchor in entry.Anchors.Order(StringComparer.Ordinal))
                        {
                            json.WriteStringValue(anchor);
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(_path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, _path, overwrite: true);
    }

    private sealed record Entry(DateTimeOffset CheckedAt, LinkStatus Status, string? Message, string? Suggestion, IReadOnlyCollection<string>? Anchors, string? Code = null);
}
