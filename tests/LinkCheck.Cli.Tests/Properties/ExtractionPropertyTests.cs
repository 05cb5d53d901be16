using System.Text;
using CsCheck;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Fuzz;

namespace LinkCheck.Cli.Tests.Properties;

/// <summary>
/// For any markdown, extraction never throws and every reported position points at the destination as written.
/// Generated documents know their links, so the test also checks that each one is found and nothing else is.
/// </summary>
public class ExtractionPropertyTests
{
    private static readonly SourceDocument Document = new("docs/page.md", "/repo/docs/page.md");

    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz"], 1, 8];
    private static readonly Gen<string> Path = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789/._-"], 1, 16];
    private static readonly Gen<string> Text = Word.Array[1, 4].Select(words => string.Join(' ', words));

    /// <summary>A piece of a paragraph: a link in one of the ways CommonMark and GFM write one (its id is filled in later), or plain text.</summary>
    private static readonly Gen<Func<int, (string Markdown, string? Url, string? Definition)>> Piece = Gen.Frequency(
        (3, Gen.Select(Text, Path, (t, p) => (Func<int, (string, string?, string?)>)(i => ($"[{t}](l{i}/{p})", $"l{i}/{p}", null)))),
        (1, Gen.Select(Text, Path, Word, (t, p, title) => (Func<int, (string, string?, string?)>)(i => ($"[{t}](l{i}/{p} \"{title}\")", $"l{i}/{p}", null)))),
        (1, Gen.Select(Text, Path, (t, p) => (Func<int, (string, string?, string?)>)(i => ($"[{t}](<l{i}/{p} x>)", $"l{i}/{p} x", null)))),
        (2, Gen.Select(Text, Path, (t, p) => (Func<int, (string, string?, string?)>)(i => ($"![{t}](l{i}/{p})", $"l{i}/{p}", null)))),
        (2, Gen.Select(Text, Path, (t, p) => (Func<int, (string, string?, string?)>)(i => ($"[{t}][r{i}]", $"l{i}/{p}", $"[r{i}]: l{i}/{p}")))),
        (1, Path.Select(p => (Func<int, (string, string?, string?)>)(i => ($"<https://h{i}.example/{p}>", $"https://h{i}.example/{p}", null)))),
        (1, Gen.Select(Text, Path, (t, p) => (Func<int, (string, string?, string?)>)(i => ($"<a href=\"l{i}/{p}\">{t}</a>", $"l{i}/{p}", null)))),
        (1, Path.Select(p => (Func<int, (string, string?, string?)>)(i => ($"`[code](c{i}/{p})`", null, null)))),
        (2, Text.Select(t => (Func<int, (string, string?, string?)>)(_ => (t, null, null)))));

    /// <summary>A block: a paragraph of pieces, in a container or a table cell, or a heading, or a fenced code block.</summary>
    private static readonly Gen<(string Prefix, string Suffix)> Container = Gen.OneOf(
        ("", ""), ("> ", ""), ("- ", ""), ("1. ", ""), ("> - ", ""), ("| a | ", " |"), ("# ", ""), ("   ", ""));

    private static readonly Gen<(string Markdown, List<string> Urls)> GeneratedDocument =
        Gen.Select(Piece.Array[1, 5], Container).Array[1, 12].Select(blocks =>
        {
            var markdown = new StringBuilder();
            var urls = new List<string>();
            var definitions = new List<string>();
            var id = 0;
            foreach (var (pieces, (prefix, suffix)) in blocks)
            {
                var line = new List<string>();
                foreach (var piece in pieces)
                {
                    var (text, url, definition) = piece(id++);
                    line.Add(text);
                    if (url is not null)
                    {
                        urls.Add(url);
                    }

                    if (definition is not null)
                    {
                        definitions.Add(definition);
                    }
                }

                markdown.Append(prefix).Append(string.Join(' ', line)).Append(suffix).Append('\n');
                if (prefix.StartsWith('|'))
                {
                    markdown.Append("|---|---|\n| b | c |\n");
                }

                markdown.Append('\n');
            }

            markdown.Append("```\n[fenced](f/x.md)\n```\n\n");
            foreach (var definition in definitions)
            {
                markdown.Append(definition).Append('\n');
            }

            return (markdown.ToString(), urls);
        });

    [Fact]
    public void Analyze_GeneratedMarkdown_FindsEveryLinkExactlyWhereItsDestinationIsWritten() =>
        GeneratedDocument.Sample(generated =>
        {
            var (markdown, urls) = generated;
            var analysis = new MarkdownLinkExtractor().Analyze(Document, markdown);

            Assert.Null(analysis.Error);
            Assert.Equal(urls.Order(StringComparer.Ordinal), analysis.Links.Select(l => l.Url).Order(StringComparer.Ordinal));
            var lines = ExtractionInvariants.SplitLines(markdown);
            Assert.All(analysis.Links, link => Assert.Equal(link.Url, ExtractionInvariants.Written(lines, link.Destination ?? link.Location)));
        }, iter: 300, threads: 1, print: t => t.Markdown);

    [Fact]
    public void Analyze_MutatedMarkdown_NeverThrowsAndKeepsEveryPositionInside()
    {
        var seeds = Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "MarkdownFixtures"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllBytes).ToList();
        Assert.NotEmpty(seeds);
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var input = MutationFuzzer.Mutate(seeds[random.Next(seeds.Count)], seeds, random);
            FuzzTargets.Markdown(input);
        }, iter: 1000, threads: 1);
    }

    [Fact]
    public void Analyze_RandomText_NeverThrowsAndKeepsEveryPositionInside() =>
        Gen.OneOf(Gen.String[0, 200], HostileText.Any, Gen.String[Gen.Char["[]()<>!`\\&#;*_-|:/ \n\r\tah"], 0, 200]).Sample(text =>
        {
            var analysis = new MarkdownLinkExtractor().Analyze(Document, text);
            ExtractionInvariants.Check(text, analysis);
        }, iter: 1000, threads: 1);
}
