using BenchmarkDotNet.Attributes;
using LinkCheck.Core;
using Markdig;

namespace LinkCheck.Bench;

/// <summary>
/// The whole offline check of the generated corpus (5,000 files, 200,000 links) against reading and
/// parsing the same files with bare Markdig, one file at a time and with every core.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private string _root = string.Empty;
    private string[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "linkcheck-bench-corpus");
        CorpusGenerator.Generate(_root, files: 5_000, linksPerFile: 40);
        _files = Directory.GetFiles(_root, "*.md", SearchOption.AllDirectories);
    }

    [Benchmark(Baseline = true, Description = "read + Markdown.Parse, sequential")]
    public int BareParseSequential()
    {
        var blocks = 0;
        foreach (var file in _files)
        {
            blocks += Markdown.Parse(File.ReadAllText(file)).Count;
        }

        return blocks;
    }

    [Benchmark(Description = "read + Markdown.Parse, parallel")]
    public int BareParseParallel()
    {
        var blocks = 0;
        Parallel.ForEach(_files, file => Interlocked.Add(ref blocks, Markdown.Parse(File.ReadAllText(file)).Count));
        return blocks;
    }

    [Benchmark(Description = "linkcheck --offline (whole check)")]
    public async Task<int> OfflineCheck()
    {
        var report = await new LinkChecker().CheckAsync(new LinkCheckOptions { RootDirectory = _root, Offline = true });
        return report.Results.Count;
    }
}
