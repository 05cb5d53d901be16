using System.Text;
using System.Text.Json;
using System.Diagnostics;
using System.Xml.Linq;
using System.Xml.Schema;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NJsonSchema;

namespace LinkCheck.Core.Tests.Reporting;

/// <summary>
/// JSON, SARIF, JUnit and markdown reports of one real run with every kind of finding, each read back by a consumer
/// that does not share our code: a JSON Schema validator, the official SARIF schema, JUnit XML schema and parser, Markdig.
/// </summary>
public sealed class MachineReportTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public MachineReportTests()
    {
        _repo.InitGit();
        _repo.Write("docs/setup.md", "# Setup\n\n## Install steps\n");
        _repo.Write("README.md", "# Read me\n\n[gone](<missing file.md>) [case](docs/setup.md#Install-Steps)\n\n[ref][r]\n\n[r]: docs/setup.md#nowhere\n\n<!-- linkcheck-disable-next-line -->\n[ignored](ignored.md) [site](https://example.com)\n");
        _repo.WriteBytes("bad.md", [0x63, 0x00, 0x66, 0x0A]);
    }

    public void Dispose() => _repo.Dispose();

    private async Task<string> RenderAsync(Func<TextWriter, IReporter> create) => (await RenderWithReportAsync(create)).Text;

    private async Task<(string Text, CheckReport Report)> RenderWithReportAsync(Func<TextWriter, IReporter> create)
    {
        var report = await new LinkChecker().CheckAsync(new LinkCheckOptions { RootDirectory = _repo.Root, Offline = true });
        using var writer = new StringWriter { NewLine = "\n" };
        await create(writer).ReportAsync(report, CancellationToken.None);
        return (writer.ToString(), report);
    }

    [Fact]
    public async Task Sarif_ValidatesAgainstTheOfficialSchema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json"));
        var sarif = await RenderAsync(w => new SarifReporter(w, "1.2.3"));
        Assert.Empty(schema.Validate(sarif).Select(e => e.ToString()));

        // The validation has teeth: a region with column 0 is refused.
        var broken = System.Text.Json.Nodes.JsonNode.Parse(sarif)!;
        broken["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startColumn"] = 0;
        Assert.NotEmpty(schema.Validate(broken.ToJsonString()));
    }

    [Fact]
    public async Task Sarif_HasOneResultPerFindingWithRuleRegionAndFix()
    {
        using var sarif = JsonDocument.Parse(await RenderAsync(w => new SarifReporter(w, "1.2.3")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(rules.Count, rules.Distinct().Count());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["file-not-found", "anchor-case-mismatch", "anchor-not-found", "file-error"], results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));

        var missing = results[0];
        Assert.Equal("error", missing.GetProperty("level").GetString());
        var location = missing.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("README.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((3, 9, 24), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.False(missing.TryGetProperty("fixes", out _));

        var anchorCase = results[1];
        Assert.Equal("warning", anchorCase.GetProperty("level").GetString());
        var replacement = anchorCase.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal("docs/setup.md#install-steps", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        Assert.Equal(34, replacement.GetProperty("deletedRegion").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public async Task Sarif_ReferenceLinkIsReportedWhereItIsUsed()
    {
        using var sarif = JsonDocument.Parse(await RenderAsync(w => new SarifReporter(w, "1.2.3")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[2];
        Assert.Equal(5, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Theory]
    [InlineData(UnverifiedPolicy.Fail, "3", 1)]
    [InlineData(UnverifiedPolicy.Warn, "2", 0)]
    public async Task JUnit_CountsWhatFailsTheRun_IncludingUnverifiedLinksWhenTheyFail(UnverifiedPolicy policy, string failures, int unverifiedFailures)
    {
        var (_, report) = await RenderWithReportAsync(w => new JUnitReporter(w));
        var results = report.Results.Select(r => r.Url == "https://example.com" ? r with { Status = LinkStatus.Unverified, Message = "403 (bot wall)" } : r).ToList();
        var judged = report with { Results = results, Unverified = policy };
        using var writer = new StringWriter { NewLine = "\n" };
        await new JUnitReporter(writer).ReportAsync(judged, CancellationToken.None);

        var root = XDocument.Parse(writer.ToString()).Root!;
        Assert.Equal(failures, root.Attribute("failures")!.Value);
        var unverified = root.Descendants("testcase").Single(c => c.Attribute("name")!.Value.EndsWith("https://example.com", StringComparison.Ordinal));
        Assert.Equal(unverifiedFailures, unverified.Elements("failure").Count());
    }

    [Fact]
    public async Task JUnit_IsWellFormedWithOneSuitePerFile()
    {
        var xml = XDocument.Parse(await RenderAsync(w => new JUnitReporter(w)));
        var root = xml.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("2", "1"), (root.Attribute("failures")!.Value, root.Attribute("errors")!.Value));
        Assert.Equal(["README.md", "bad.md"], root.Elements("testsuite").Select(s => s.Attribute("name")!.Value));
        var readme = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "README.md");
        var failure = readme.Elements("testcase").Single(c => c.Attribute("name")!.Value == "3:9 missing file.md").Element("failure")!;
        Assert.Equal("file-not-found", failure.Attribute("type")!.Value);
        Assert.NotNull(readme.Elements("testcase").Single(c => c.Attribute("name")!.Value.EndsWith("ignored.md", StringComparison.Ordinal)).Element("skipped"));
    }

    [Fact]
    public async Task JUnit_ValidatesAgainstJenkinsJUnitSchema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "jenkins-junit.xsd"));
        var xml = await RenderAsync(w => new JUnitReporter(w));
        Assert.Empty(SchemaErrors(xml, schemas));

        // The validation has teeth: an attribute the schema does not know is refused.
        Assert.NotEmpty(SchemaErrors(xml.Replace("<testsuites ", "<testsuites bogus=\"1\" ", StringComparison.Ordinal), schemas));
    }

    [Fact]
    public async Task JUnit_FileIsReadByJunitparser()
    {
        var xml = await RenderAsync(w => new JUnitReporter(w));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
        var file = _repo.PathOf("out/report.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, xml, new UTF8Encoding(false));

        // Debian's python3-junitparser (over Python's ElementTree), the way a CI system reads the file.
        const string Script = """
            import sys
            from junitparser import JUnitXml
            for suite in JUnitXml.fromfile(sys.argv[1]):
                print(suite.name, suite.tests, suite.failures, suite.errors, suite.skipped)
                for case in suite:
                    print(" ", case.name, ",".join(type(r).__name__ for r in case.result))
            """;
        var (code, output, error) = RunPython(Script, file);
        Assert.True(code == 0, error);
        Assert.StartsWith("README.md 5 2 0 2\n  3:9 missing file.md Failure\n", output, StringComparison.Ordinal);
        Assert.Contains(" ignored.md Skipped\n", output, StringComparison.Ordinal);
        Assert.Contains("bad.md 1 0 1 0\n  1:1 (file) Error\n", output, StringComparison.Ordinal);
    }

    private static List<string> SchemaErrors(string xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    private static (int Code, string Output, string Error) RunPython(string script, string argument)
    {
        const string Python = "/usr/bin/python3";
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing: run .ci/install-junitparser.sh (installs python3-junitparser)");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (error.Contains("No module named 'junitparser'", StringComparison.Ordinal))
        {
            Assert.Fail("python3-junitparser is missing: run .ci/install-junitparser.sh");
        }

        return (process.ExitCode, output.Result.Replace("\r\n", "\n", StringComparison.Ordinal), error);
    }

    [Fact]
    public async Task JUnit_RepositoryTextCannotBreakTheXml()
    {
        _repo.Write("ev]]>il\u0001.md", "[x](x]]>&'\"y.md)\n");
        var xml = XDocument.Parse(await RenderAsync(w => new JUnitReporter(w)));
        var testCase = Assert.Single(xml.Descendants("testcase"), c => c.Attribute("name")!.Value.Contains("x]]>&'\"y.md", StringComparison.Ordinal));
        Assert.StartsWith("ev]]>il", testCase.Attribute("classname")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_ListsTheFindingsWithLocations()
    {
        var markdown = await RenderAsync(w => new MarkdownReporter(w));
        Assert.StartsWith("# ", markdown, StringComparison.Ordinal);
        Assert.Contains("README.md", markdown, StringComparison.Ordinal);
        Assert.Contains("missing file.md", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored.md", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ValidatesAgainstTheDocumentedSchema()
    {
        _repo.Write("site/_config.yml", "title: Docs\n");
        _repo.Write("site/index.md", "[home](index.md) [web](https://example.com/)\n");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Docs", "report.schema.json"));

        var json = await RenderAsync(w => new JsonReporter(w, "1.2.3"));

        Assert.Empty(schema.Validate(json));
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, parsed.RootElement.GetProperty("summary").GetProperty("sites").ValueKind);
        var statuses = parsed.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "ok", "broken", "warning", "skipped", "excluded", "error" }, statuses);

        // The schema is not vacuous: a status, a field or a type it does not know is an error.
        Assert.NotEmpty(schema.Validate(json.Replace("\"status\": \"broken\"", "\"status\": \"gone\"", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(json.Replace("\"code\":", "\"reason\":", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(json.Replace("\"line\": 3,", "\"line\": \"3\",", StringComparison.Ordinal)));
    }

    [Fact]
    public void JsonSchema_ListsExactlyTheStatusesKindsAndCodesTheReportWrites()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "report.schema.json")));
        var result = schema.RootElement.GetProperty("definitions").GetProperty("result").GetProperty("properties");
        string?[] Enum(string name) => [.. result.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString())];

        var codes = typeof(FindingCode).GetFields().Where(f => f.IsLiteral).Select(f => (string?)f.GetRawConstantValue()).Append(null);
        Assert.Equal(codes.Order(), Enum("code").Order());
        Assert.Equal(Enum<LinkStatus>().Select(Names.Of).Order(), Enum("status").Order());
        Assert.Equal(Enum<LinkKind>().Select(Names.Of).Cast<string?>().Append(null).Order(), Enum("kind").Order());
    }

    private static IEnumerable<T> Enum<T>()
        where T : struct, Enum => System.Enum.GetValues<T>();

    [Fact]
    public async Task Markdown_ParsedByMarkdig_GivesBackEveryFindingsFileLineUrlAndMessage()
    {
        // Names and URLs with every character markdown, tables and HTML give a meaning to.
        _repo.Write("we|ird`name*_[x]<b>&amp;\\.md", "# Read me\n\n[a](<x|y\\`z\\<w\\>&amp;*_.md>) [b](#no|pe) [c](#Read-Me) [d](https://example.com/a_b*c)\n");
        _repo.Write("tail\\.md", "[e](<x&#38;#124;y.md>) [f](<a\\\\>) [g](<!--x-->.md) [h](<~~s~~ _c_ \\<https://e.x\\> \\[l\\](u).md>)\n");
        _repo.Write("line\nbreak\u0007 .md", "[i](x.md) [j](@team.md)\n");

        var (markdown, report) = await RenderWithReportAsync(w => new MarkdownReporter(w));

        var found = new List<(string File, int Line, string? Url, string Message)>();
        string? file = null;
        // GitHub's extensions that give characters a meaning: tables, strikethrough, extended autolinks.
        var document = Markdig.Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().UseAutoLinks().Build());
        foreach (var block in document.Descendants<Block>())
        {
            if (block is ParagraphBlock { Inline: { FirstChild: EmphasisInline { DelimiterCount: 2 } strong } inline } && inline.FirstChild == inline.LastChild)
            {
                file = PlainText(strong);
            }
            else if (block is Table table)
            {
                var rows = table.Cast<TableRow>().ToList();
                var header = rows[0].Cast<TableCell>().Select(PlainText).ToList();
                if (!header.Contains("link"))
                {
                    continue;
                }

                foreach (var row in rows.Skip(1))
                {
                    var cells = row.Cast<TableCell>().Select(PlainText).ToList();
                    string Cell(params string[] names) => cells[header.FindIndex(h => names.Contains(h))];
                    var link = Cell("link");
                    found.Add((header.Contains("file") ? Cell("file") : file!, int.Parse(Cell("line"), System.Globalization.CultureInfo.InvariantCulture), link == "(file)" ? null : link, Cell("problem", "note")));
                }
            }
        }

        var expected = report.Results.Where(report.IsFailing).Concat(report.Results.Where(report.IsWarning))
            .Select(r => (File: Shown(r.Location.File), r.Location.Line, Url: r.Url is null ? null : Shown(r.Url), Message: Shown(r.Message ?? string.Empty))).ToList();
        Assert.Contains(expected, e => e.File.StartsWith("we|ird", StringComparison.Ordinal) && e.Url == "#no|pe");
        Assert.Equal(expected, found);
    }

    /// <summary>
    /// Repository text as the report promises to show it (MarkdownText's contract): line breaks and tabs as spaces, other
    /// control characters dropped, a word joiner after '@' so no one is mentioned; every other character as it is.
    /// </summary>
    private static string Shown(string text) =>
        string.Concat(text.Select(c => c is '\r' or '\n' or '\t' ? " " : c == '@' ? "@\u2060" : char.IsControl(c) ? string.Empty : c.ToString()));

    /// <summary>The text a reader sees: literal text, entities decoded, code; HTML tags (the report's &lt;code&gt;) left out.</summary>
    private static string PlainText(MarkdownObject node) => node switch
    {
        LiteralInline literal => literal.Content.ToString(),
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        CodeInline code => code.Content,
        HtmlInline => string.Empty,
        ContainerInline container => string.Concat(container.Select(PlainText)),
        LeafBlock { Inline: { } inline } => PlainText(inline),
        ContainerBlock blocks => string.Concat(blocks.Select(PlainText)),
        _ => throw new InvalidOperationException($"unexpected {node.GetType().Name} in the report: repository text became markdown syntax"),
    };
}
