using System.Text.RegularExpressions;
using CsCheck;
using LinkCheck.Cli.Configuration;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;

namespace LinkCheck.Cli.Tests.Configuration;

/// <summary>
/// lychee's exclude_path regular expressions as linkcheck globs: each translated form is checked against what
/// lychee does (the expression searched in each file's whole path) on paths chosen to tell them apart.
/// </summary>
public sealed class LycheePathPatternTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Files (repository-relative) that separate near misses: prefixes, suffixes, names inside names, a file named like a folder.</summary>
    private static readonly string[] Files =
    [
        "README.md", "README.markdown", "docs/README.md", "docs/old", "docs/old/a.md", "docs/old/deep/b.md", "docs/older/c.md",
        "docs/olden.md", "mydocs/old/d.md", "old/docs/old/e.md", "node_modules/x/f.md", "a/node_modules/g.md", "a/my_node_modules_2/h.md",
        "node_modules.md", ".github/i.md", "a/.github/j.md", "a/foo.github/k.md", "a/.githubx/l.md", ".github", "test/m.md",
        "a/test/n.md", "a/latest/o.md", "a/tests/p.md", "x.bak", "x.bak/q.md", "x.bak.md", "vendor/a/b/r.md", "a/vendor/a/b/s.md",
        "a/vendor/a/bc/t.md", "a/xvendor/a/b/u.md", "CHANGELOG.md", "docs/CHANGELOG.md", "docs/CHANGELOG.md.orig/v.md",
    ];

    [Theory]
    [InlineData("^docs/old/", "docs/old/**")]
    [InlineData(@"^\./docs/old/", "docs/old/**")]
    [InlineData("^docs/old", "docs/old*")]
    [InlineData("^README", "/README*")]
    [InlineData("^docs/old/.*", "docs/old/**")]
    public void AnchoredAtTheStart_IsAGlobFromTheRoot(string regex, string glob) => AssertExact(regex, glob);

    [Theory]
    [InlineData("(^|/)test/", "**/test/**")]
    [InlineData("(^|/)node_modules", "**/node_modules*")]
    [InlineData("(^|/)vendor/a/b", "**/vendor/a/b*")]
    public void AnchoredAtANameStart_IsAGlobAtAnyDepth(string regex, string glob) => AssertExact(regex, glob);

    [Theory]
    [InlineData("node_modules", "**/*node_modules*")]
    [InlineData(@"\.github/", "**/*.github/**")]
    [InlineData(@"docs/CHANGELOG\.md", "**/*docs/CHANGELOG.md*")]
    [InlineData("vendor/a/b", "**/*vendor/a/b*")]
    [InlineData(@".*\.bak", "**/*.bak*")]
    [InlineData(@"\.bak.*", "**/*.bak*")]
    [InlineData("test/", "**/*test/**")]
    public void Unanchored_IsAGlobForNamesContainingIt(string regex, string glob) => AssertExact(regex, glob);

    [Theory]
    [InlineData(@".*\.bak$", "$ makes lychee skip only files")]
    [InlineData(@"^README\.md$", "$ makes lychee skip only files")]
    [InlineData("[aeiouAEIOU]", "[ is regular-expression syntax")]
    [InlineData("./other/file", ". stands for any character")]
    [InlineData("/docs/", "what it matches depends on whether lychee was run on '.'")]
    [InlineData(@"\./docs", "what it matches depends on whether lychee was run on '.'")]
    [InlineData(@"\d+\.md", @"\d is a class of characters")]
    [InlineData("(?i)readme", "( is regular-expression syntax")]
    [InlineData("docs|blog", "| is regular-expression syntax")]
    [InlineData("^.*docs", ".* is translated only at an unanchored end")]
    [InlineData(@"a\*b", "a glob cannot hold a literal *")]
    [InlineData(@"^docs/\.\./x", "a glob has no empty, . or .. names")]
    [InlineData("^ docs/", "globs lose spaces at either end")]
    [InlineData(".*", "it matches every path")]
    public void NoExactGlob_IsRefusedWithTheReason(string regex, string reason)
    {
        var (glob, why) = LycheePathPattern.ToGlob(regex);
        Assert.Null(glob);
        Assert.StartsWith(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RefusedPattern_NamesTheFileLineAndPattern()
    {
        var path = _dir.Write("lychee.toml", "max_retries = 2\nexclude_path = [\n  '^docs/old/',\n  '.*\\.bak$',\n]\n");

        var error = Assert.Throws<LinkCheckConfigurationException>(() => ConfigImporter.Import(path));

        Assert.Equal($"--import: {path}:4: exclude_path '.*\\.bak$' has no exact linkcheck glob ($ makes lychee skip only files whose path ends so, while a glob that matches a folder of that name skips all of it): write the glob under exclude-path yourself, or use a form the import translates (README, \"Coming from another checker\")", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Import_TranslatedPatterns_BecomeExcludePathGlobs()
    {
        var yaml = ConfigImporter.FromLychee("exclude_path = ['^docs/old/', 'node_modules', '\\.github/', '(^|/)test/']\n", "lychee.toml");

        Assert.Contains("exclude-path:\n  - 'docs/old/**'\n  - '**/*node_modules*'\n  - '**/*.github/**'\n  - '**/test/**'\n", yaml, StringComparison.Ordinal);
    }

    /// <summary>
    /// Any expression built from anchors, literals, escapes, wildcards and regex syntax: either refused, or translated
    /// into a glob that agrees with the expression on every path built from the same names (the oracle is .NET's
    /// regex engine, which reads the translated subset, literals and anchors, as Rust's regex crate does).
    /// </summary>
    [Fact]
    public void AnyPattern_IsRefusedOrExactOnGeneratedPaths()
    {
        var pieces = Gen.OneOf("^", @"^\./", "(^|/)", ".*", "a", "b", "ab", @"\.", ".", "/", "_", "$", "*", @"\*", "[", "|", " ", @"\d", "-", "a", "b", "/", "a/", @"\.b", "ab/");
        var names = Gen.OneOf("a", "b", "ab", "ba", "a.b", ".a", "b.", "_a", "a-b", "x");
        var translated = 0;
        Gen.Select(pieces.Array[1, 6], names.Array[1, 4].Array[12, 12]).Sample(
            (parts, files) =>
        {
            var regex = string.Concat(parts);
            var (glob, why) = LycheePathPattern.ToGlob(regex);
            if (glob is null)
            {
                Assert.False(string.IsNullOrEmpty(why));
                return;
            }

            Interlocked.Increment(ref translated);
            AssertSameFiles(regex, glob, files.Select(f => string.Join('/', f)));
        },
            iter: 3000);

        // Enough of them are translated for the comparison to mean something.
        Assert.True(translated > 300, $"only {translated} of 3000 generated patterns were translated");
    }

    /// <summary>
    /// The glob excludes exactly the files the expression does: lychee searches each file's path (given as
    /// repository-relative, or with ./ for the ^\./ form), linkcheck excludes a file when it or a folder above it matches.
    /// </summary>
    private static void AssertExact(string regex, string expectedGlob)
    {
        var (glob, why) = LycheePathPattern.ToGlob(regex);
        Assert.True(glob is not null, why);
        Assert.Equal(expectedGlob, glob);
        AssertSameFiles(regex, glob, Files);
    }

    private static void AssertSameFiles(string regex, string glob, IEnumerable<string> files)
    {
        var lychee = new Regex(regex, RegexOptions.CultureInvariant);
        var globs = new PathGlobs([], [glob]);
        var prefix = regex.StartsWith(@"^\./", StringComparison.Ordinal) ? "./" : string.Empty;
        foreach (var file in files)
        {
            var names = file.Split('/');
            var folders = Enumerable.Range(1, names.Length - 1).Select(i => string.Join('/', names.Take(i)));
            var excludedByLinkcheck = globs.IsExcluded(file) || folders.Any(globs.IsExcluded);
            Assert.True(lychee.IsMatch(prefix + file) == excludedByLinkcheck, $"{regex} -> {glob} on {file}: lychee {lychee.IsMatch(prefix + file)}, linkcheck {excludedByLinkcheck}");
        }
    }
}
