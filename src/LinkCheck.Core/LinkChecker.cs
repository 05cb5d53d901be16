using LinkCheck.Core.Discovery;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Filtering;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Core;

/// <summary>
/// The orchestrator: discovery, extraction, filtering, planning, resolution, and the fan-out of each verdict
/// to every occurrence. Each stage is a plain function of the previous stage's records; only resolution runs
/// concurrently (and extraction, one file per processor, since files are independent).
/// </summary>
public sealed class LinkChecker
{
    private readonly TimeProvider _time;
    private readonly MarkdownLinkExtractor _extractor = new();

    /// <summary>Creates a checker; tests pass a fake clock.</summary>
    public LinkChecker(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>Finds the documents and extracts their links, without checking anything.</summary>
    /// <exception cref="LinkCheckConfigurationException">The root or a path does not exist, or a path is outside the root.</exception>
    public LinkInventory Collect(LinkCheckOptions options, CancellationToken cancellationToken = default)
    {
        var (root, paths) = ValidatePaths(options);
        var discovery = MarkdownFileFinder.Find(new DiscoveryOptions(root, paths, options.IncludePaths, options.ExcludePaths, options.UseGitIgnore));
        var documents = discovery.Documents;
        var analyses = new DocumentAnalysis[documents.Count];
        Parallel.For(
            0,
            documents.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            i => analyses[i] = Analyze(documents[i], options.MaxFileSize));
        return new LinkInventory(root, analyses, discovery.Problems, discovery.Notes);
    }

    /// <summary>Checks every link and returns the report.</summary>
    /// <exception cref="LinkCheckConfigurationException">The options are not usable (missing path, bad pattern).</exception>
    public async Task<CheckReport> CheckAsync(LinkCheckOptions options, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var filter = LinkFilter.Create(options.ExcludeUrls);
        var inventory = Collect(options, cancellationToken);

        var results = new List<LinkResult>();
        foreach (var problem in inventory.Problems)
        {
            results.Add(LinkResult.FileError(SourceLocation.StartOf(problem.Path), problem.Message));
        }

        var toCheck = new List<LinkOccurrence>();
        foreach (var analysis in inventory.Documents)
        {
            if (analysis.Error is not null)
            {
                results.Add(LinkResult.FileError(SourceLocation.StartOf(analysis.Document.Path), analysis.Error));
                continue;
            }

            foreach (var link in analysis.Links)
            {
                var reason = filter.ExclusionReason(link);
                if (reason is null)
                {
                    toCheck.Add(link);
                }
                else
                {
                    results.Add(LinkResult.For(link, LinkStatus.Excluded, reason));
                }
            }
        }

        var plan = LinkPlanner.Plan(toCheck);
        var chain = BuildResolvers(options, inventory);
        var verdicts = await chain.ResolveAllAsync(plan, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < plan.Count; i++)
        {
            var verdict = verdicts[i];
            foreach (var occurrence in plan[i].Occurrences)
            {
                results.Add(LinkResult.For(occurrence, verdict.Status, verdict.Message, SuggestionWriter.Write(verdict.Suggestion, occurrence)));
            }
        }

        results.Sort(CompareByLocation);
        var files = inventory.Documents.Select(d => d.Document.Path)
            .Concat(inventory.Problems.Select(p => p.Path))
            .Order(StringComparer.Ordinal)
            .ToList();
        var summary = CheckSummary.From(results, files.Count, plan.Count, _time.GetElapsedTime(started));
        return new CheckReport(results, summary, files) { Notes = inventory.Notes };
    }

    private ResolverChain BuildResolvers(LinkCheckOptions options, LinkInventory inventory)
    {
        var fileSystem = new RepositoryFileSystem(inventory.Root);
        var ignore = options.UseGitIgnore ? new IgnoreRules(inventory.Root) : IgnoreRules.None;
        var index = new RepositoryFileIndex(inventory.Root, ignore);
        var analyzed = inventory.Documents.ToDictionary(d => d.Document.Path, StringComparer.Ordinal);
        var anchors = new AnchorStore(analyzed, _extractor, options.MaxFileSize);
        var files = new LocalFileResolver(fileSystem, ignore, index);
        return new ResolverChain(
        [
            new FragmentResolver(files, fileSystem, anchors),
            files,
            new MailResolver(),
            new OfflineHttpResolver(),
            new UncheckedTargetResolver(),
        ]);
    }

    private DocumentAnalysis Analyze(SourceDocument document, long maxFileSize)
    {
        var text = DocumentReader.TryRead(document.FullPath, maxFileSize, out var error);
        if (text is null)
        {
            return DocumentAnalysis.Failed(document, error!);
        }

        try
        {
            return _extractor.Analyze(document, text);
        }
#pragma warning disable CA1031 // One file's failure must never stop the others; it is reported as that file's error.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return DocumentAnalysis.Failed(document, $"cannot parse markdown: {e.GetType().Name}: {e.Message}");
        }
    }

    private static (string Root, IReadOnlyList<string> Paths) ValidatePaths(LinkCheckOptions options)
    {
        if (!Directory.Exists(options.RootDirectory))
        {
            throw new LinkCheckConfigurationException($"root directory not found: {options.RootDirectory}");
        }

        var root = RepositoryRoot.RealPath(options.RootDirectory);
        var paths = new List<string>();
        foreach (var path in options.Paths.Count == 0 ? [root] : options.Paths)
        {
            var full = RepositoryRoot.RealEntryPath(path);
            if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
            {
                throw new LinkCheckConfigurationException($"path not found: {path}");
            }

            if (!RepositoryRoot.Contains(root, full))
            {
                throw new LinkCheckConfigurationException($"path is outside the repository root {root}: {path} (set --root-dir)");
            }

            paths.Add(full);
        }

        return (root, paths);
    }

    private static int CompareByLocation(LinkResult a, LinkResult b)
    {
        var file = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (file != 0)
        {
            return file;
        }

        var line = a.Location.Line.CompareTo(b.Location.Line);
        return line != 0 ? line : a.Location.Column.CompareTo(b.Location.Column);
    }
}
