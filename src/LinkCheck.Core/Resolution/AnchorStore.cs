using System.Collections.Concurrent;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// The anchors and line counts of link targets. Documents that were checked in this run are reused as they
/// are; any other target file inside the root is read once, on first use.
/// </summary>
public sealed class AnchorStore
{
    private readonly IReadOnlyDictionary<string, DocumentAnalysis> _analyzed;
    private readonly MarkdownLinkExtractor _extractor;
    private readonly long _maxFileSize;
    private readonly ConcurrentDictionary<string, Lazy<TargetDocument>> _documents = new(StringComparer.Ordinal);

    /// <summary>Creates the store over the analyses of this run.</summary>
    public AnchorStore(IReadOnlyDictionary<string, DocumentAnalysis> analyzed, MarkdownLinkExtractor extractor, long maxFileSize)
    {
        _analyzed = analyzed;
        _extractor = extractor;
        _maxFileSize = maxFileSize;
    }

    /// <summary>True for the file names rendered as markdown (the default discovery extensions).</summary>
    public static bool IsMarkdown(string path) =>
        PathGlobs.DefaultExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for HTML pages.</summary>
    public static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The target document for an existing file (<paramref name="file"/> must be a found file).</summary>
    public TargetDocument Get(FileLookup file) =>
        _documents.GetOrAdd(file.RepositoryPath, _ => new Lazy<TargetDocument>(() => Load(file))).Value;

    private TargetDocument Load(FileLookup file)
    {
        var path = file.RepositoryPath;
        // A document with no file behind it (standard input) is markdown whatever its name.
        if ((IsMarkdown(path) || file.FullPath is null) && _analyzed.TryGetValue(path, out var known))
        {
            return known.Error is null
                ? new TargetDocument(TargetDocumentKind.Markdown, known.Anchors, known.LineCount)
                : new TargetDocument(TargetDocumentKind.Markdown, AnchorIndex.Empty, 0, known.Error);
        }

        if (IsMarkdown(path) || IsHtml(path))
        {
            var kind = IsMarkdown(path) ? TargetDocumentKind.Markdown : TargetDocumentKind.Html;
            var text = DocumentReader.TryRead(file.FullPath!, _maxFileSize, out var error);
            if (text is null)
            {
                return new TargetDocument(kind, AnchorIndex.Empty, 0, error);
            }

            if (kind == TargetDocumentKind.Markdown)
            {
                var analysis = _extractor.Analyze(new SourceDocument(path, file.FullPath!), text);
                return new TargetDocument(kind, analysis.Anchors, analysis.LineCount, analysis.Error);
            }

            var anchors = new List<string>();
            HtmlLinkScanner.Scan(text, [], anchors);
            return new TargetDocument(kind, new AnchorIndex(anchors), 0);
        }

        return new TargetDocument(TargetDocumentKind.Other, AnchorIndex.Empty, CountLines(file.FullPath!));
    }

    private static int CountLines(string fullPath)
    {
        if (!Discovery.RegularFile.Is(fullPath))
        {
            return 0;
        }

        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var buffer = new byte[1 << 16];
            int read, lines = 0;
            var last = (byte)'\n';
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
            }

            return last == (byte)'\n' ? lines : lines + 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
