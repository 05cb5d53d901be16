using System.Text;
using BenchmarkDotNet.Attributes;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using Markdig;

namespace LinkCheck.Bench;

/// <summary>Parse throughput on one ~1 MB document: bare Markdig against linkcheck's extraction of the same text.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly MarkdownLinkExtractor _extractor = new();
    private string _text = string.Empty;
    private SourceDocument _document = new("docs/large.md", "/bench/docs/large.md");

    /// <summary>Size of the document in bytes (UTF-8), reported in docs/benchmarks.md as MB/s.</summary>
    public static int Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = CorpusGenerator.LargeDocument(sections: 250);
        Bytes = Encoding.UTF8.GetByteCount(_text);
        _document = new SourceDocument("docs/large.md", "/bench/docs/large.md");
    }

    [Benchmark(Baseline = true, Description = "Markdown.Parse (default pipeline)")]
    public object BareParse() => Markdown.Parse(_text);

    [Benchmark(Description = "Markdown.Parse (linkcheck pipeline)")]
    public object PipelineParse() => Markdown.Parse(_text, MarkdownPipelineFactory.Shared);

    [Benchmark(Description = "linkcheck extraction (parse + links + anchors)")]
    public object Extract() => _extractor.Analyze(_document, _text);
}
