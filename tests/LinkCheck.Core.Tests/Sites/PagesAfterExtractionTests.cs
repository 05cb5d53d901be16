using System.Text;
using System.Text.Json;
using CsCheck;
using LinkCheck.Core.Model;
using LinkCheck.Core.Sites;
using LinkCheck.Core.Sites.Hugo;
using LinkCheck.Core.Sites.Jekyll;
using LinkCheck.Core.Tests.Sites.Harness;

namespace LinkCheck.Core.Tests.Sites;

/// <summary>
/// A site's pages are added after extraction, from the heads extraction saw (<see cref="ISite.Observe"/>,
/// <see cref="ISite.Complete"/>): the model must be the one built from the files, and an observed page must not be
/// read again.
/// </summary>
public class PagesAfterExtractionTests
{
    private static readonly string TestSites = Path.Combine(AppContext.BaseDirectory, "TestData", "Sites");

    public static TheoryData<string> Fixtures => new()
    {
        Path.Combine(TestSites, "jekyll-blog"),
        Path.Combine(TestSites, "hugo"),
        Path.Combine(TestSites, "mkdocs"),
        Path.Combine(TestSites, "mdbook"),
        FixturePaths.Of("docfx"),
        FixturePaths.Of("docusaurus"),
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Complete_FromObservedPages_BuildsTheModelTheFilesBuild(string fixture)
    {
        var files = Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixture, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var options = new SiteDetectionOptions(fixture, files, true, [], new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var fromFiles = SiteDetector.Detect(options);
        var observed = SiteDetector.Detect(options with { PagesAfterExtraction = true });
        foreach (var file in files.Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".mdx", StringComparison.Ordinal)))
        {
            observed.Observe(file, File.ReadAllText(Path.Combine(fixture, file)));
        }

        observed.Complete();

        var site = Assert.Single(fromFiles.Sites);
        Assert.True(site.PageCount > 3);
        Assert.Equal(site.PageCount, Assert.Single(observed.Sites).PageCount);
        Assert.Equal(files.Select(f => Describe(fromFiles, f)), files.Select(f => Describe(observed, f)));
    }

    [Fact]
    public void Complete_JekyllPageObserved_IsNotReadAgain()
    {
        using var repo = new TempDirectory();
        repo.Write("_config.yml", "title: t\n");
        repo.Write("seen.md", "---\npermalink: /on-disk/\n---\n# Seen\n");
        repo.Write("unseen.md", "---\npermalink: /unseen/\n---\n# Unseen\n");
        var sites = Detect(repo, "_config.yml", "seen.md", "unseen.md");

        Assert.Equal(0, sites.Sites[0].PageCount);
        sites.Observe("seen.md", "---\npermalink: /as-extracted/\n---\n# Seen\n");
        sites.Complete();

        Assert.Equal("/as-extracted/", sites.SiteOf("seen.md").PublicationOf("seen.md").Url);
        Assert.Equal("/unseen/", sites.SiteOf("unseen.md").PublicationOf("unseen.md").Url);
    }

    [Fact]
    public async Task Check_StagedContent_IsWhatTheSiteModelPublishes()
    {
        // --staged checks the index's text: a permalink changed in the index (not yet in the working tree) moves the
        // page for the model too, as extraction and the model now read the same text.
        using var repo = new TempDirectory();
        repo.InitGit();
        repo.Write("_config.yml", "title: t\n");
        repo.Write("moved.md", "---\npermalink: /old/\n---\n# Moved\n");
        repo.Write("index.md", "# Home\n\n[moved](/new/)\n");

        var report = await SiteCheck.RunAsync(repo.Root, o => o with
        {
            Contents = new Dictionary<string, string> { ["moved.md"] = "---\npermalink: /new/\n---\n# Moved\n" },
        });

        var link = Assert.Single(report.Results, r => r.Url == "/new/");
        Assert.Equal(LinkStatus.Ok, link.Status);
    }

    [Fact]
    public void Complete_DocFxIncludeObserved_IsKnownWithoutReadingThePage()
    {
        using var repo = new TempDirectory();
        repo.Write("docfx.json", """{ "build": { "content": [ { "files": [ "**/*.md" ] } ] } }""");
        repo.Write("page.md", "# Page\n");
        repo.Write("includes/part.md", "[link](missing.md)\n");
        var sites = Detect(repo, "docfx.json", "includes/part.md", "page.md");

        sites.Observe("page.md", "# Page\n\n> [!NOTE]\n> A note.\n\n[!INCLUDE [part](includes/part.md)]\n");
        sites.Complete();

        Assert.True(sites.SiteOf("includes/part.md").RendersLinksOf("includes/part.md"));
    }

    [Fact]
    public async Task Check_DocFxYamlPageCheckedAsADocument_KeepsItsUid()
    {
        // A YAML page's uid is read from its top, not from front matter: a head kept as front matter (none) lost it.
        using var repo = new TempDirectory();
        repo.InitGit();
        repo.Write("docfx.json", """{ "build": { "content": [ { "files": [ "**/*.md", "**/*.yml" ] } ] } }""");
        repo.Write("api/widget.yml", "### YamlMime:ManagedReference\nitems:\nuid: api.widget\n");
        repo.Write("page.md", "# Page\n\n[widget](xref:api.widget)\n");

        var report = await SiteCheck.RunAsync(repo.Root, o => o with { IncludePaths = ["**/*.md", "**/*.yml"] });

        Assert.Equal(2, report.Summary.Files); // the YAML page was extracted, so shown to the model
        Assert.Equal(LinkStatus.Ok, Assert.Single(report.Results, r => r.Url == "xref:api.widget").Status);
    }

    [Fact]
    public void Detect_InvalidVersionsJson_IsAConfigurationErrorBeforeExtraction()
    {
        using var repo = new TempDirectory();
        repo.Write("docusaurus.config.js", "module.exports = { url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: { path: 'docs' } }]] };\n");
        repo.Write("versions.json", "[ not json");
        repo.Write("docs/intro.md", "# Intro\n");
        var sites = Detect(repo, "docs/intro.md", "docusaurus.config.js", "versions.json");

        Assert.Empty(sites.Sites);
        Assert.Contains(sites.Notes, n => n.Contains("versions.json: not valid JSON", StringComparison.Ordinal));
    }

    public static TheoryData<string> Heads => new()
    {
        string.Empty,
        "# No front matter\n",
        "- a list item\n---\n",
        "---\npermalink: /a/\nslug: s\n---\n# T\n",
        "\uFEFF---\nslug: bom\n---\nbody",
        "---\ntitle: x\n...\nbody\n---\n",
        "---\r\npermalink: /crlf/\r\n---\r\nbody",
        "--- \npermalink: /spaces/\n---  \nbody",
        "---\npermalink: /no-newline/\n---",
        "---\nkey: a\n---x\nslug: late\n---\nbody",
        "----\nslug: no\n----\n",
        "+++\nslug = \"toml\"\n+++\nbody",
        "+++\nslug = \"mixed\"\n---\n+++\n",
        "{\"slug\": \"json\"}\nbody",
        "---\n" + string.Concat(Enumerable.Repeat("# filler comment line\n", 250)) + "permalink: /late/\n---\nbody",
        "---\n" + string.Concat(Enumerable.Repeat("# filler comment line\n", 1000)) + "slug: unclosed\n",
        "# Heading\n" + new string('x', 5000) + "\n---\nslug: not-front-matter\n---\n",
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void HeadOf_ReadsAsTheFileHeadReads(string text) => AssertSameFrontMatter(text);

    [Fact]
    public void HeadOf_GeneratedTexts_ReadAsTheFileHeadReads()
    {
        string[] lines = ["---", "...", "+++", "---x", "----", "permalink: /p/", "slug: s", "date: 2020-01-02", "slug = 'toml'", "{\"slug\": \"j\"}", "# h", "", "x: [a,", "\r", "--- ", new string('y', 1500)];
        var texts = Gen.Select(Gen.Bool, Gen.Int[0, lines.Length - 1].Array[0, 14], (bom, picks) => (bom ? "\uFEFF" : string.Empty) + string.Join('\n', picks.Select(p => lines[p])));
        texts.Sample(AssertSameFrontMatter, iter: 300);
    }

    private static void AssertSameFrontMatter(string text)
    {
        using var repo = new TempDirectory();
        File.WriteAllText(repo.PathOf("page.md"), text, new UTF8Encoding(false));
        var source = new SiteSource(new SiteInfo(string.Empty, "jekyll", null, SiteOrigin.Detected), repo.Root, ["page.md"], DateTimeOffset.UnixEpoch);
        var fromFile = source.ReadHead("page.md");
        var fromText = SiteSource.HeadOf(text.StartsWith('\uFEFF') ? text[1..] : text); // extraction's text has no byte order mark

        Assert.Equal(Jekyll(fromFile), Jekyll(fromText));
        Assert.Equal(JsonSerializer.Serialize(HugoData.FrontMatter(fromFile)), JsonSerializer.Serialize(HugoData.FrontMatter(fromText)));
        Assert.Equal(FrontMatterFields.Read(fromFile), FrontMatterFields.Read(fromText));
        Assert.True(fromText.Length <= Math.Max(fromFile?.Length ?? 0, 0));
    }

    private static string Jekyll(string? head)
    {
        var front = JekyllFrontMatter.Read(head);
        return $"{front.Present}|{front.Permalink}|{front.Published}|{front.Date}|{front.Slug}|{string.Join(',', front.Categories)}|{string.Join(',', front.RedirectFrom)}";
    }

    private static SiteMap Detect(TempDirectory repo, params string[] files) =>
        SiteDetector.Detect(new SiteDetectionOptions(repo.Root, files, true, [], DateTimeOffset.UnixEpoch) { PagesAfterExtraction = true });

    private static string Describe(SiteMap sites, string file)
    {
        var site = sites.SiteOf(file);
        var publication = site.PublicationOf(file);
        return $"{file}: {publication.Url} {publication.Kind} {publication.IsPublished} {publication.Reason} renders={site.RendersLinksOf(file)}";
    }
}
