using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>
/// Builds a fixture site with its real generator, crawls the HTML it produced, and compares what the built site
/// does with every link against linkcheck's verdict on the same link in the source. Links are paired by a key:
/// the text of every fixture link (or the alt text of an image) starts with a token such as <c>J07</c>, unique in
/// the fixture. Generic over generators: a <see cref="GeneratorCommand"/> says how to build.
/// </summary>
public static partial class RealSiteHarness
{
    /// <summary>
    /// Copies <paramref name="fixture"/> (a folder of <c>TestData</c>) to <paramref name="scratch"/>/src and builds it
    /// into <paramref name="scratch"/>/out. A generator that is not installed fails the test with how to install it.
    /// </summary>
    /// <param name="generator">How to build.</param>
    /// <param name="fixture">The fixture folder (copied, never built in place).</param>
    /// <param name="scratch">A temporary folder for the copy and the output.</param>
    /// <param name="siteRoot">The site's folder inside the fixture (empty: the fixture is the site).</param>
    /// <param name="prepare">Changes the copy before the build (a variant of the fixture).</param>
    public static BuildOutcome Build(GeneratorCommand generator, string fixture, string scratch, string siteRoot = "", Action<string>? prepare = null)
    {
        var source = Path.Combine(scratch, "src");
        var output = Path.Combine(scratch, "out");
        CopyTree(fixture, source);
        prepare?.Invoke(source);
        Directory.CreateDirectory(Path.Combine(source, ".git")); // linkcheck's repository root marker
        var siteSource = Path.Combine(source, siteRoot);
        var start = new ProcessStartInfo(FindExecutable(generator))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = siteSource,
        };
        foreach (var argument in generator.Arguments(siteSource, output))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in generator.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(generator.Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{generator.Name} did not finish building {fixture} within {generator.Timeout}");
        }

        process.WaitForExit();
        return new BuildOutcome(source, output, process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The generator's program on PATH; fails the test (never skips it) when it is missing.</summary>
    public static string FindExecutable(GeneratorCommand generator)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, generator.Executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"{generator.Name} is not installed ('{generator.Executable}' is not on PATH): this test builds a fixture with the real generator. Install it with {generator.Install}.");
        return string.Empty;
    }

    /// <summary>
    /// Every keyed <c>&lt;a href&gt;</c> and <c>&lt;img src&gt;</c> of the built site's HTML pages, judged as a browser on
    /// the generator's server would: does the target page or file exist in the output, and the anchor id on it.
    /// </summary>
    public static IReadOnlyList<CrawledLink> Crawl(GeneratorCommand generator, string outputRoot)
    {
        var parser = new HtmlParser();
        var links = new List<CrawledLink>();
        var idCache = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(outputRoot, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var page = Path.GetRelativePath(outputRoot, file).Replace('\\', '/');
            var document = parser.ParseDocument(File.ReadAllText(file));
            var pageUrl = generator.BasePath + page;
            foreach (var element in document.QuerySelectorAll("a[href], img[src]"))
            {
                var isImage = element.LocalName == "img";
                var key = KeyOf(isImage ? element.GetAttribute("alt") : element.TextContent);
                if (key is null)
                {
                    continue;
                }

                var href = element.GetAttribute(isImage ? "src" : "href")!;
                var (works, why) = Judge(generator, outputRoot, pageUrl, href, parser, idCache);
                links.Add(new CrawledLink(key, page, href, works, why));
            }
        }

        return links;
    }

    /// <summary>Pairs linkcheck's results with the crawled links by key.</summary>
    public static SiteVerdictComparison Compare(CheckReport report, IReadOnlyList<CrawledLink> built)
    {
        var agreements = new List<string>();
        var disagreements = new List<string>();
        var notJudged = new List<string>();
        var source = new Dictionary<string, LinkResult>(StringComparer.Ordinal);
        foreach (var result in report.Results)
        {
            if (result.Url is null || KeyOf(result.Text) is not { } key)
            {
                continue;
            }

            if (!source.TryAdd(key, result))
            {
                disagreements.Add($"{key}: the key is used twice in the fixture ({result.Location})");
            }
        }

        var byKey = built.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (key, result) in source.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (result.Status is LinkStatus.Skipped or LinkStatus.Excluded)
            {
                notJudged.Add($"{key} {result.Url}: {result.Status} ({result.Message})");
                continue;
            }

            var mine = SiteVerdictComparison.Works(result.Status);
            if (!byKey.TryGetValue(key, out var crawled))
            {
                // The page it is on is not published (a draft, an _underscore file): nothing to compare.
                notJudged.Add($"{key} {result.Url}: not on any built page (linkcheck: {result.Status})");
                continue;
            }

            var theirs = crawled.All(c => c.Works);
            var line = $"{key} {result.Location} '{result.Url}': linkcheck says {result.Status}{(result.Message is null ? string.Empty : " (" + result.Message + ")")}; the built site {(theirs ? "works" : "is broken")}: {string.Join("; ", crawled.Select(c => $"{c.Page} href={c.Href} {c.Why}"))}";
            (mine == theirs ? agreements : disagreements).Add(line);
        }

        foreach (var key in byKey.Keys.Where(k => !source.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            disagreements.Add($"{key}: on the built site ({byKey[key][0].Page} href={byKey[key][0].Href}) but linkcheck found no such link in the source");
        }

        return new SiteVerdictComparison(agreements, disagreements, notJudged);
    }

    /// <summary>The key a link text starts with (<c>J07</c>), or null.</summary>
    public static string? KeyOf(string? text)
    {
        var match = text is null ? Match.Empty : KeyPattern().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static (bool Works, string Why) Judge(GeneratorCommand generator, string outputRoot, string pageUrl, string href, HtmlParser parser, Dictionary<string, HashSet<string>> idCache)
    {
        if (generator.PublishedHost is { } host && href.StartsWith(host + "/", StringComparison.OrdinalIgnoreCase))
        {
            href = href[host.Length..];
        }

        if (href.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return (true, "external, not crawled");
        }

        if (href.Contains("{{", StringComparison.Ordinal) || href.Contains("{%", StringComparison.Ordinal))
        {
            return (false, "template text left in the href");
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
        var path = hash < 0 ? href : href[..hash];
        var question = path.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            path = path[..question];
        }

        var absolute = path.Length == 0 ? pageUrl : Uri.UnescapeDataString(LinkCheck.Core.Sites.SiteModel.ResolveAgainst(pageUrl, path));
        if (!absolute.StartsWith(generator.BasePath, StringComparison.Ordinal) && absolute + "/" != generator.BasePath)
        {
            return (false, $"{absolute} is outside the site's base path {generator.BasePath}");
        }

        var relative = absolute.Length < generator.BasePath.Length ? string.Empty : absolute[generator.BasePath.Length..];
        var file = Locate(outputRoot, relative, generator.ServesWithoutHtmlExtension);
        if (file is null)
        {
            return (false, $"no file {absolute} in the output");
        }

        if (string.IsNullOrEmpty(fragment) || fragment == "top" || !file.EndsWith(".html", StringComparison.Ordinal))
        {
            return (true, $"{absolute} exists");
        }

        if (!idCache.TryGetValue(file, out var ids))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            ids = [.. document.QuerySelectorAll("[id]").Select(e => e.Id!), .. document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)];
            idCache[file] = ids;
        }

        return ids.Contains(fragment) ? (true, $"{absolute}#{fragment} exists") : (false, $"no id #{fragment} on {absolute}");
    }

    /// <summary>The output file a server answers for a site-relative path, or null.</summary>
    private static string? Locate(string outputRoot, string relative, bool withoutExtension)
    {
        var full = Path.Combine(outputRoot, relative);
        if (File.Exists(full))
        {
            return full;
        }

        if (Directory.Exists(full) && File.Exists(Path.Combine(full, "index.html")))
        {
            return Path.Combine(full, "index.html");
        }

        return withoutExtension && relative.Length > 0 && File.Exists(full + ".html") ? full + ".html" : null;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^\s*([A-Z]{1,3}\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
