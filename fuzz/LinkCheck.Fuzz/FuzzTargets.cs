using System.Text;
using LinkCheck.Core;
using LinkCheck.Cli.Configuration;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Fuzz;

/// <summary>
/// The fuzzing targets: each takes raw bytes and throws only when it found a bug (an exception that is not the
/// documented "bad input" one, or a broken invariant). Shared by the afl-fuzz harness and by the regression test
/// that replays every saved crash (tests/LinkCheck.Core.Tests/Fuzzing).
/// </summary>
public static class FuzzTargets
{
    // Created on first use, not in the static constructor: instrumented code must not run before SharpFuzz's
    // Fuzzer.OutOfProcess.Run has mapped afl-fuzz's coverage memory (it fails with an access violation).
    private static MarkdownLinkExtractor? _extractor;

    /// <summary>Every target by name.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["markdown"] = Markdown,
        ["html"] = Html,
        ["config"] = Config,
    };

    /// <summary>The markdown extractor: decodes like a run does, extracts, and checks every reported position.</summary>
    public static void Markdown(byte[] input)
    {
        var text = DocumentReader.TryDecode(input, out _);
        if (text is null)
        {
            return;
        }

        _extractor ??= new MarkdownLinkExtractor();
        ExtractionInvariants.Check(text, _extractor.Analyze(new SourceDocument("fuzz.md", "/repo/fuzz.md"), text));
    }

    /// <summary>The HTML scanner: every URL lies inside the scanned text.</summary>
    public static void Html(byte[] input)
    {
        var html = Encoding.UTF8.GetString(input);
        var urls = new List<HtmlUrl>();
        var anchors = new List<string>();
        var comments = new List<(int Offset, string Data)>();
        HtmlLinkScanner.Scan(html, urls, anchors, comments);
        foreach (var url in urls)
        {
            if (url.Start < 0 || url.End < url.Start || url.End > html.Length || url.Url is null || url.Text is null)
            {
                throw new InvariantViolationException($"HTML URL '{url.Url}' at {url.Start}..{url.End} is outside the {html.Length} characters scanned");
            }
        }

        foreach (var (offset, _) in comments)
        {
            if (offset < 0 || offset > html.Length)
            {
                throw new InvariantViolationException($"comment at {offset} is outside the {html.Length} characters scanned");
            }
        }
    }

    /// <summary>The configuration loader: a bad file is a <see cref="LinkCheckConfigurationException"/>, and every value it accepted can be read.</summary>
    public static void Config(byte[] input)
    {
        ConfigFile config;
        try
        {
            // As Load decodes the file (File.ReadAllText: UTF-8 unless a byte order mark says otherwise).
            using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            config = ConfigFile.Parse(".linkcheck.yml", reader.ReadToEnd(), name => name == "SET" ? "value" : null);
        }
        catch (LinkCheckConfigurationException)
        {
            return;
        }

        // What the CLI does with an accepted file: read every key it holds with the accessor of its type.
        foreach (var (key, type) in ConfigSchema.Keys)
        {
            if (!config.Has(key))
            {
                continue;
            }

            _ = type switch
            {
                ConfigKeyType.Boolean => config.Boolean(key),
                ConfigKeyType.WholeNumber => config.WholeNumber(key),
                ConfigKeyType.Text => config.Text(key),
                ConfigKeyType.TextList => config.List(key),
                ConfigKeyType.Duration => config.Duration(key) ?? throw new InvariantViolationException($"{key}: accepted a duration that does not read back"),
                ConfigKeyType.Size => config.Size(key) ?? throw new InvariantViolationException($"{key}: accepted a size that does not read back"),
                ConfigKeyType.StatusCodes => config.StatusCodes(key),
                _ => (object?)config.Where(key),
            };
        }
    }
}
