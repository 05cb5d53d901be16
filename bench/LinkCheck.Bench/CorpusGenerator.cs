using System.Globalization;
using System.Text;

namespace LinkCheck.Bench;

/// <summary>
/// Writes a deterministic documentation tree: <c>files</c> markdown files in nested folders, each with headings,
/// lists, a table, a block quote, reference definitions, HTML and a fixed mix of link kinds, about
/// <c>linksPerFile</c> links each. About 5% of local links are planted broken.
/// </summary>
public static class CorpusGenerator
{
    public static (int Files, int Links, long Bytes) Generate(string root, int files, int linksPerFile, int seed = 42)
    {
        var random = new Random(seed);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "img"));
        foreach (var image in new[] { "logo.png", "diagram-0.png", "diagram-1.png", "diagram-2.png" })
        {
            File.WriteAllBytes(Path.Combine(root, "img", image), [0x89, 0x50, 0x4E, 0x47]);
        }

        File.WriteAllText(Path.Combine(root, "README.md"), "# Corpus\n\n[Docs](docs/)\n");
        var paths = Enumerable.Range(0, files).Select(PathOf).ToArray();
        long bytes = 0;
        var links = 0;
        for (var i = 0; i < files; i++)
        {
            var text = Document(i, paths, linksPerFile, random, ref links);
            var full = Path.Combine(root, paths[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
            bytes += Encoding.UTF8.GetByteCount(text);
        }

        return (files, links, bytes);
    }

    /// <summary>One large document (for the parse-throughput benchmark).</summary>
    public static string LargeDocument(int sections, int seed = 7)
    {
        var random = new Random(seed);
        var paths = Enumerable.Range(0, sections).Select(PathOf).ToArray();
        var links = 0;
        var builder = new StringBuilder();
        for (var i = 0; i < sections; i++)
        {
            builder.Append(Document(i, paths, 40, random, ref links));
        }

        return builder.ToString();
    }

    private static string PathOf(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"docs/area-{index % 20:00}/topic-{index % 7}/page-{index:0000}.md");

    private static string Document(int index, string[] paths, int linksPerFile, Random random, ref int links)
    {
        // Exactly linksPerFile links: sections of ten (six inline, one each in a nested list, a quote, a table
        // and an HTML block), the last inline one of the file being a reference link.
        var b = new StringBuilder(4096);
        var self = paths[index];
        b.Append(CultureInfo.InvariantCulture, $"---\ntitle: Page {index}\ntags: [docs, generated]\n---\n\n# Page {index}: Überblick & Setup\n\n");
        var sections = Math.Max(1, linksPerFile / 10);
        for (var section = 1; section <= sections; section++)
        {
            b.Append(CultureInfo.InvariantCulture, $"## Section {section} (part {section % 3})\n\n");
            b.Append("Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, sed do `eiusmod` tempor incididunt ut labore.\n");
            for (var j = 0; j < 6; j++)
            {
                var last = section == sections && j == 5;
                b.Append(last ? $"See [the index][index-{index}]." : Link(self, paths, random, section, j, sections));
                b.Append(j % 3 == 2 ? "\n" : " and ");
            }

            b.Append("\n\n- item one\n  - nested with ").Append(Link(self, paths, random, section, 6, sections)).Append("\n- item two\n\n");
            b.Append("> A quote with ").Append(Link(self, paths, random, section, 7, sections)).Append(".\n\n");
            b.Append("| Name | Link |\n|------|------|\n| a | ").Append(Link(self, paths, random, section, 8, sections)).Append(" |\n\n");
            b.Append("<p align=\"center\"><img src=\"../../../img/logo.png\" alt=\"logo\"></p>\n\n");
            b.Append("```bash\ncurl https://example.com/install.sh | sh  # [not](a-link.md)\n```\n\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"[index-{index}]: /README.md\n");
        links += sections * 10;
        return b.ToString();
    }

    private static string Link(string self, string[] paths, Random random, int section, int slot, int sections)
    {
        var roll = random.Next(100);
        var target = paths[random.Next(paths.Length)];
        var relative = Relative(Path.GetDirectoryName(self)!.Replace('\\', '/'), target);
        return roll switch
        {
            < 30 => $"[page]({relative})",
            < 50 => $"[section]({relative}#section-{1 + (slot % sections)}-part-{(1 + (slot % sections)) % 3})",
            < 60 => $"[here](#section-{section}-part-{section % 3})",
            < 75 => $"[site](https://example{random.Next(50)}.com/path/{random.Next(200)})",
            < 80 => $"![diagram](../../../img/diagram-{random.Next(3)}.png)",
            < 85 => $"<https://docs.example{random.Next(20)}.org/x>",
            < 90 => $"[mail](mailto:team{random.Next(5)}@example.com)",
            < 95 => $"[root](/{target})",
            _ => $"[broken]({relative.Replace("page-", "pgae-", StringComparison.Ordinal)})",
        };
    }

    private static string Relative(string fromDirectory, string target)
    {
        var from = fromDirectory.Split('/');
        var to = target.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }
}
