using LinkCheck.Core.Changes;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Filtering;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Resolution;
using LinkCheck.Core.Resolution.GitHub;
using LinkCheck.Core.Sites;

namespace LinkCheck.Core;

/// <summary>
/// The orchestrator: discovery, extraction, filtering, planning, resolution, and the fan-out of each verdict
/// to every occurrence. Each stage is a plain function of the previous stage's records; only resolution runs
/// concurrently (and extraction, one file per processor, since files are independent).
/// </summary>
public sealed class LinkChecker
{
    private readonly TimeProvider _time;
    private readonly HttpClient? _http;
    private readonly ProgressTracker? _progress;
    private readonly GitHubApi? _gitHub;
    private readonly MarkdownLinkExtractor _extractor = new();

    /// <summary>The file of URL patterns not to check, at the repository root (one regular expression a line, <c>#</c> comments).</summary>
    public const string IgnoreFileName = ".linkcheckignore";

    /// <summary>lychee's ignore file, read by lychee's rules when the root has no <see cref="IgnoreFileName"/>.</summary>
    public const string LycheeIgnoreFileName = ".lycheeignore";

    /// <summary>Creates a checker with the seams the composition root injects.</summary>
    /// <param name="timeProvider">The clock (tests pass a fake one).</param>
    /// <param name="httpClient">The shared client for external links (see <see cref="HttpHandlerFactory"/>); without one, external links are skipped.</param>
    /// <param name="progress">Counters a progress display can poll.</param>
    /// <param name="gitHub">The GitHub API (with the run's token), for links to GitHub pages; null to leave them to HTTP.</param>
    public LinkChecker(TimeProvider? timeProvider = null, HttpClient? httpClient = null, ProgressTracker? progress = null, GitHubApi? gitHub = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _http = httpClient;
        _progress = progress;
        _gitHub = gitHub;
    }

    /// <summary>Finds the documents and extracts their links, without checking anything.</summary>
    /// <exception cref="LinkCheckConfigurationException">The root or a path does not exist, or a path is outside the root.</exception>
    public LinkInventory Collect(LinkCheckOptions options, CancellationToken cancellationToken = default) =>
        Displayed(Gather(options, null, cancellationToken));

    /// <summary>The inventory as it is checked: standard input under its path in the current directory.</summary>
    /// <param name="timings">When given, gets the time of discovery, of the site model and of extraction.</param>
    private LinkInventory Gather(LinkCheckOptions options, List<(string, TimeSpan)>? timings, CancellationToken cancellationToken)
    {
        var stage = _time.GetTimestamp();
        var (root, paths) = ValidatePaths(options);
        var relativePaths = paths.Select(p => RepositoryRoot.Relative(root, p)).ToList();

        // Sites need every file of the repository, not only the markdown of the checked paths: that second walk of
        // the tree runs on another core while discovery walks (for a small repository it was most of a site's cost).
        var index = options.DetectSites || options.Sites.Count > 0
            ? new RepositoryFileIndex(root, options.UseGitIgnore ? new IgnoreRules(root, relativePaths) : IgnoreRules.None)
            : null;
        var walk = index is not null && options.Parallelism > 1 ? Task.Run(() => index.Files.Count, cancellationToken) : null;
        var discovery = paths.Count == 0
            ? new DiscoveryResult([], [], [])
            : MarkdownFileFinder.Find(new DiscoveryOptions(root, paths, options.IncludePaths, options.ExcludePaths, options.UseGitIgnore));
        var documents = discovery.Documents;
        timings?.Add(("discovery", _time.GetElapsedTime(stage)));
        stage = _time.GetTimestamp();
        walk?.GetAwaiter().GetResult();
        var sites = index is null ? SiteMap.None : DetectSites(options, root, index);
        var configuration = _time.GetElapsedTime(stage);
        stage = _time.GetTimestamp();
        var analyses = new DocumentAnalysis[documents.Count];
        Parallel.For(
            0,
            documents.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            i => analyses[i] = Analyze(documents[i], options.MaxFileSize, options.Contents, sites));
        var piped = options.StandardInput is { } input ? AnalyzeInput(input, root, options.MaxFileSize, sites) : null;
        timings?.Add(("extraction", _time.GetElapsedTime(stage)));

        // The sites' pages, from the heads extraction saw (the site model's time is its configuration and this).
        stage = _time.GetTimestamp();
        sites.Complete();
        if (!sites.IsEmpty)
        {
            timings?.Add(("site model", configuration + _time.GetElapsedTime(stage)));
        }
        return new LinkInventory(root, piped is null ? analyses : [piped, .. analyses], discovery.Problems, [.. discovery.Notes, .. sites.Notes])
        {
            LeftOut = discovery.LeftOut,
            Paths = relativePaths,
            Sites = sites,
            FileIndex = index,
            StandardInputPath = piped?.Document.Path,
        };
    }

    /// <summary>
    /// Standard input, read as a file named <see cref="StandardInputDocument.Name"/> in its folder: decoded and
    /// limited as a file is, parsed with the rendering of the site that folder belongs to.
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">Its folder is outside the root.</exception>
    private DocumentAnalysis AnalyzeInput(StandardInputDocument input, string root, long maxFileSize, SiteMap sites)
    {
        var folder = RepositoryRoot.RealPath(input.Directory);
        if (!RepositoryRoot.Contains(root, folder))
        {
            throw new LinkCheckConfigurationException($"standard input is read as a file of {input.Directory}, which is outside the repository root {root}: run linkcheck from a folder inside the root");
        }

        var path = StandardInputDocument.PathIn(RepositoryRoot.Relative(root, folder));
        var document = new SourceDocument(path, Path.Combine(folder, StandardInputDocument.Name));
        if (input.Content.Length > maxFileSize)
        {
            return DocumentAnalysis.Failed(document, $"standard input is too large to check (more than the limit, {DocumentReader.FormatSize(maxFileSize)})");
        }

        var text = DocumentReader.TryDecode(input.Content.Span, out var error, out var warning);
        return text is null ? DocumentAnalysis.Failed(document, error!) : Parse(document, text, warning, sites.RenderingOf(path));
    }

    /// <summary>The inventory as reports show it: standard input as <see cref="StandardInputDocument.Name"/>.</summary>
    private static LinkInventory Displayed(LinkInventory inventory)
    {
        if (inventory.StandardInputPath is not { } piped)
        {
            return inventory;
        }

        return inventory with
        {
            Documents = [.. inventory.Documents.Select(d => d.Document.Path != piped ? d : d with
            {
                Document = d.Document with { Path = StandardInputDocument.Name },
                Links = [.. d.Links.Select(l => l with { Location = StandardInputDocument.Displayed(l.Location, piped), Destination = l.Destination is { } at ? StandardInputDocument.Displayed(at, piped) : null })],
            })],
        };
    }

    /// <summary>
    /// The sites of the repository (Discovery's second product): detected from the generators' configuration files
    /// and the user's overrides, in all the files of <paramref name="index"/>. Only their configuration is read here;
    /// their pages are added after extraction (<see cref="SiteMap.Complete"/>).
    /// </summary>
    private SiteMap DetectSites(LinkCheckOptions options, string root, RepositoryFileIndex index) =>
        SiteDetector.Detect(new SiteDetectionOptions(root, index.Files, options.DetectSites, options.Sites, _time.GetUtcNow()) { PagesAfterExtraction = true });

    /// <summary>Checks every link and returns the report.</summary>
    /// <exception cref="LinkCheckConfigurationException">The options are not usable (missing path, bad pattern).</exception>
    public async Task<CheckReport> CheckAsync(LinkCheckOptions options, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var filter = LinkFilter.Create(options.ExcludeUrls, options.IncludeUrls, options.ExcludePrivate, options.ExcludeLoopback, options.Schemes);
        var remap = UrlRemapper.Create(options.Remaps);
        var timings = new List<(string, TimeSpan)>();
        var inventory = Gather(options, timings, cancellationToken);
        filter = WithIgnoreFile(filter, inventory.Root);

        var selection = options.Changes is null ? null : ChangeSelection.Select(inventory.Documents, options.Changes);
        var toReport = selection is null ? inventory : Restrict(inventory, selection);
        var stage = _time.GetTimestamp();

        // Results are laid out in report order (file, then line and column) as they are created, so nothing
        // needs sorting afterwards: discovery returns files in path order and extraction links in position order.
        var slots = new List<LinkResult?>(inventory.Documents.Sum(d => d.Links.Count) + inventory.Problems.Count);
        var toCheck = new List<LinkOccurrence>(slots.Capacity);
        var slotOf = new List<int>(slots.Capacity);
        foreach (var entry in InPathOrder(toReport))
        {
            if (entry.Problem is { } problem)
            {
                slots.Add(LinkResult.FileError(SourceLocation.StartOf(problem.Path), problem.Message));
                continue;
            }

            var analysis = entry.Analysis!;
            if (analysis.Error is not null)
            {
                slots.Add(LinkResult.FileError(SourceLocation.StartOf(analysis.Document.Path), analysis.Error));
                continue;
            }

            if (analysis.EncodingWarning is { } encoding)
            {
                slots.Add(LinkResult.FileWarning(SourceLocation.StartOf(analysis.Document.Path), encoding, FindingCode.NotUtf8));
            }

            foreach (var link in analysis.Links)
            {
                var reason = IgnoreComments.ReasonFor(link, analysis.Directives) ?? filter.ExclusionReason(link);
                if (reason is null)
                {
                    slotOf.Add(slots.Count);
                    toCheck.Add(link);
                    slots.Add(null);
                }
                else
                {
                    slots.Add(LinkResult.For(link, LinkStatus.Excluded, reason));
                }
            }
        }

        var plan = LinkPlanner.Plan(toCheck, remap, options.Parallelism, inventory.Sites.IsEmpty ? null : inventory.Sites.Interpret);
        timings.Add(("filtering and planning", _time.GetElapsedTime(stage)));
        stage = _time.GetTimestamp();
        var diagnostics = new List<string>();
        var cache = LoadCache(options, inventory.Root, diagnostics);
        using var scheduler = new HostScheduler(options.Http, _time);
        if (_progress is not null)
        {
            _progress.AddTotal(plan.Count(p => p.Target.Kind == TargetKind.Http));
            _progress.BusiestHost = scheduler.BusiestHost;
            _progress.BusiestBacklog = scheduler.BusiestBacklog;
        }

        var chain = BuildResolvers(options, inventory, scheduler, cache);
        var verdicts = await chain.ResolveAllAsync(plan, options.Parallelism, cancellationToken).ConfigureAwait(false);
        var partial = cancellationToken.IsCancellationRequested;
        SaveCache(cache, diagnostics);
        foreach (var pattern in filter.UnusablePatterns)
        {
            diagnostics.Add($"the pattern '{pattern}' took longer than {UrlPattern.MatchTimeout.TotalSeconds:0.#} s on one URL and was not used after that: it is unusable (simplify it, or avoid backreferences and lookarounds so it runs in linear time)");
        }

        timings.Add(("resolution", _time.GetElapsedTime(stage)));
        stage = _time.GetTimestamp();
        Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, i =>
        {
            // Each occurrence owns one slot, so the fan-out writes without locks.
            var verdict = verdicts[i];
            var check = plan[i];
            for (var j = 0; j < check.Occurrences.Count; j++)
            {
                var occurrence = check.Occurrences[j];
                var own = Unrendered(Explained(VerdictFor(verdict, occurrence), occurrence), occurrence);
                var suggestion = SuggestionWriter.Write(own.Suggestion, occurrence);
                slots[slotOf[check.Indexes[j]]] = LinkResult.For(occurrence, own.Status, own.Message, suggestion, own.Code) with
                {
                    // A remapped link was checked as another URL: rewriting it from that URL's fix would undo the remap.
                    TargetKey = check.Target.Key,
                    Fixable = suggestion is not null && own.Suggestion!.IsCertain && (remap.IsEmpty || remap.Apply(occurrence.Url) == occurrence.Url),
                    Detail = own.Detail ?? verdict.Detail,
                };
            }
        });

        var results = slots.ConvertAll(r => r!);
        if (inventory.StandardInputPath is { } piped)
        {
            // Reports name standard input <stdin>, whatever folder its links were resolved from (a message about
            // its own anchors names it too: "no heading or anchor #x in docs/<stdin>").
            results = results.ConvertAll(r => r with
            {
                Location = StandardInputDocument.Displayed(r.Location, piped),
                Destination = r.Destination is { } at ? StandardInputDocument.Displayed(at, piped) : null,
                Message = piped == StandardInputDocument.Name ? r.Message : r.Message?.Replace(piped, StandardInputDocument.Name, StringComparison.Ordinal),
            });
        }

        timings.Add(("results", _time.GetElapsedTime(stage)));
        var files = toReport.Documents.Select(d => d.Document.Path == inventory.StandardInputPath ? StandardInputDocument.Name : d.Document.Path)
            .Concat(toReport.Problems.Select(p => p.Path))
            .Order(StringComparer.Ordinal)
            .ToList();
        var summary = CheckSummary.From(results, files.Count, plan.Count, _time.GetElapsedTime(started));
        return new CheckReport(results, summary, files)
        {
            Sites = [.. inventory.Sites.Sites.Select(s => new SiteSummary(s.Info, s.PageCount, toReport.Documents.Count(d => inventory.Sites.SiteOf(d.Document.Path) == s)))],
            Notes = inventory.Notes,
            Timings = timings,
            Diagnostics = diagnostics,
            Unverified = options.Http.Unverified,
            Selection = selection,
            LeftOut = inventory.LeftOut,
            Partial = partial,
        };
    }

    /// <summary>
    /// The root's ignore file: <c>.linkcheckignore</c>, else lychee's <c>.lycheeignore</c> (a repository moving from
    /// lychee keeps working unchanged). When both exist, <c>.linkcheckignore</c> alone is read: it is the one written
    /// for linkcheck, and a line removed from it to check those URLs again must not stay excluded by the other.
    /// </summary>
    private static LinkFilter WithIgnoreFile(LinkFilter filter, string root)
    {
        var own = Path.Combine(root, IgnoreFileName);
        if (File.Exists(own) && RegularFile.Is(own))
        {
            return filter.WithIgnoreFile(own, IgnoreFileName);
        }

        var lychee = Path.Combine(root, LycheeIgnoreFileName);
        return File.Exists(lychee) && RegularFile.Is(lychee)
            ? filter.WithIgnorePatterns(IgnoreFileLines.Lychee(File.ReadAllBytes(lychee), LycheeIgnoreFileName), LycheeIgnoreFileName)
            : filter;
    }

    /// <summary>The inventory narrowed to the selected files (anchors of every file stay available to resolution).</summary>
    private static LinkInventory Restrict(LinkInventory inventory, IReadOnlyList<SelectedFile> selection)
    {
        var chosen = selection.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        return inventory with
        {
            // Standard input is no file of the change, but it was named to be checked: it always is.
            Documents = [.. inventory.Documents.Where(d => chosen.Contains(d.Document.Path) || d.Document.Path == inventory.StandardInputPath)],
            Problems = [.. inventory.Problems.Where(p => chosen.Contains(p.Path))],
        };
    }

    /// <summary>
    /// A reference link's finding names where its definition is, since the destination is not on the link's line:
    /// <c>[Tim] is defined at line 1877 as ...</c>.
    /// </summary>
    private static Verdict Explained(Verdict verdict, LinkOccurrence occurrence) =>
        verdict.Status is LinkStatus.Ok or LinkStatus.Excluded or LinkStatus.Skipped || occurrence.Label is null || occurrence.Destination is not { } definition
            ? verdict
            : verdict with { Message = $"{verdict.Message} ([{occurrence.Label}] is defined at line {definition.Line} as {occurrence.Url})" };

    /// <summary>A definition no link uses, or that an earlier one shadows, is never rendered: its broken target only warns.</summary>
    private static Verdict Unrendered(Verdict verdict, LinkOccurrence occurrence) =>
        occurrence.Kind != LinkKind.Definition || verdict.Status != LinkStatus.Broken
            ? verdict
            : verdict with
            {
                Status = LinkStatus.Warning,
                Code = occurrence.IsShadowed ? FindingCode.ShadowedDefinition : FindingCode.UnusedDefinition,
                Message = $"{verdict.Message} (in a definition {(occurrence.IsShadowed ? "an earlier one with the same label shadows" : "no link uses")}, so it is never rendered)",
            };

    /// <summary>The verdict of one occurrence: its fragment's own verdict when the page was checked per fragment.</summary>
    private static Verdict VerdictFor(Verdict verdict, LinkOccurrence occurrence) =>
        verdict.FragmentVerdicts is { } fragments && LinkTargetParser.FragmentOf(occurrence.Url) is { } fragment
            && fragments.TryGetValue(fragment, out var own)
            ? own
            : verdict;

    private LinkCache? LoadCache(LinkCheckOptions options, string root, List<string> diagnostics)
    {
        if (!options.Http.UseCache || options.Offline || _http is null)
        {
            return null;
        }

        var cache = LinkCache.Load(Path.GetFullPath(options.Http.CacheFile, root), options.Http.MaxCacheAge, _time);
        if (cache.LoadWarning is not null)
        {
            diagnostics.Add(cache.LoadWarning);
        }

        return cache;
    }

    private static void SaveCache(LinkCache? cache, List<string> diagnostics)
    {
        try
        {
            cache?.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add($"cannot write the cache: {e.Message}");
        }
    }

    private ResolverChain BuildResolvers(LinkCheckOptions options, LinkInventory inventory, HostScheduler scheduler, LinkCache? cache)
    {
        var fileSystem = new RepositoryFileSystem(inventory.Root);
        var ignore = options.UseGitIgnore ? new IgnoreRules(inventory.Root, inventory.Paths) : IgnoreRules.None;
        var index = inventory.FileIndex ?? new RepositoryFileIndex(inventory.Root, ignore);
        var analyzed = inventory.Documents.ToDictionary(d => d.Document.Path, StringComparer.Ordinal);
        var anchors = new AnchorStore(analyzed, _extractor, options.MaxFileSize);
        var files = new LocalFileResolver(fileSystem, ignore, index) { StandardInputPath = inventory.StandardInputPath };
        var fragments = new FragmentResolver(files, fileSystem, anchors);
        var resolvers = new List<ILinkResolver> { fragments, files };
        if (!inventory.Sites.IsEmpty)
        {
            resolvers.Insert(0, new SiteResolver(new SiteAnchorStore(analyzed, _extractor, options.MaxFileSize, inventory.Root)));
        }

        if (options.GitHub is not null)
        {
            // Before the HTTP resolver: links into this repository resolve locally, other GitHub pages via the API.
            resolvers.Add(new GitHubApiResolver(options.GitHub, options.Offline ? null : _gitHub, files, fragments));
        }

        return new ResolverChain(
        [
            .. resolvers,
            new MailResolver(),
            options.Offline || _http is null
                ? new OfflineHttpResolver()
                : new HttpResolver(new HttpFetcher(_http, scheduler, options.Http, _time), options.Http, cache, _progress),
            new UncheckedTargetResolver(),
        ]);
    }

    /// <summary>Files longer than this many characters (about 4 MB of text) are parsed one at a time.</summary>
    internal const int LargeFileChars = 4 * 1024 * 1024;

    private static readonly Lock LargeFileParse = new();

    private DocumentAnalysis Analyze(SourceDocument document, long maxFileSize, IReadOnlyDictionary<string, string> contents, SiteMap sites)
    {
        string? error = null, warning = null;
        var text = contents.TryGetValue(document.Path, out var given) ? given : DocumentReader.TryRead(document.FullPath, maxFileSize, out error, out warning);
        if (text is null)
        {
            return DocumentAnalysis.Failed(document, error!);
        }

        sites.Observe(document.Path, text);
        return Parse(document, text, warning, sites.RenderingOf(document.Path));
    }

    /// <summary>Extracts the links and anchors of <paramref name="text"/>; a parser failure is that document's error.</summary>
    private DocumentAnalysis Parse(SourceDocument document, string text, string? warning, IPageRendering? site)
    {
        try
        {
            // Parsing takes about 33 times a file's size in memory (a 60 MB file: 2.0 GB; six in parallel: 9.9 GB),
            // so large files are parsed one at a time: a run's peak is one large parse plus the small ones
            // (docs/reliability.md states the ceiling).
            if (text.Length > LargeFileChars)
            {
                lock (LargeFileParse)
                {
                    return _extractor.Analyze(document, text, site) with { EncodingWarning = warning };
                }
            }

            return _extractor.Analyze(document, text, site) with { EncodingWarning = warning };
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
        foreach (var path in options.Paths.Count == 0 && options.StandardInput is null ? [root] : options.Paths)
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

    /// <summary>Documents and unreadable files merged in repository-path order.</summary>
    private static IEnumerable<(DocumentAnalysis? Analysis, DiscoveryProblem? Problem)> InPathOrder(LinkInventory inventory)
    {
        var problems = inventory.Problems;
        var p = 0;
        foreach (var analysis in inventory.Documents)
        {
            while (p < problems.Count && string.CompareOrdinal(problems[p].Path, analysis.Document.Path) < 0)
            {
                yield return (null, problems[p++]);
            }

            yield return (analysis, null);
        }

        while (p < problems.Count)
        {
            yield return (null, problems[p++]);
        }
    }
}
