using System.Text;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.EndToEnd;

/// <summary>Each bad file gives one clear per-file error, and every other file is still checked.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public BadInputTests()
    {
        _repo.InitGit();
        _repo.Write("good.md", "# Good\n\n[self](#good) [missing](missing.md)\n");
    }

    public void Dispose() => _repo.Dispose();

    private async Task<CheckReport> CheckAsync(long maxFileSize = LinkCheckOptions.DefaultMaxFileSize) =>
        await new LinkChecker().CheckAsync(new LinkCheckOptions { RootDirectory = _repo.Root, Offline = true, MaxFileSize = maxFileSize });

    private static void AssertGoodFileStillChecked(CheckReport report)
    {
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "#good").Status);
        Assert.Equal(LinkStatus.Broken, report.Results.Single(r => r.Url == "missing.md").Status);
    }

    private static LinkResult ErrorFor(CheckReport report, string file)
    {
        var error = Assert.Single(report.Results, r => r.Location.File == file);
        Assert.Equal(LinkStatus.Error, error.Status);
        Assert.Null(error.Url);
        Assert.Equal(new SourceLocation(file, 1, 1, 1), error.Location);
        Assert.True(report.HasFailures);
        return error;
    }

    [Fact]
    public async Task Latin1File_IsCheckedAfterDecodingWithANotUtf8Warning()
    {
        _repo.WriteBytes("latin1.md", Encoding.Latin1.GetBytes("# Café\n\n[x](good.md) [é](#café) [gone](nowhere.md)\n"));
        var report = await CheckAsync();
        var warning = Assert.Single(report.Results, r => r.Location.File == "latin1.md" && r.Url is null);
        Assert.Equal(LinkStatus.Warning, warning.Status);
        Assert.Equal(FindingCode.NotUtf8, warning.Code);
        Assert.Equal("not valid UTF-8 (byte 0xE9 at line 1, byte offset 5), read as Windows-1252; save the file as UTF-8", warning.Message);
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "good.md").Status);
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "#café").Status);
        Assert.Equal(LinkStatus.Broken, report.Results.Single(r => r.Url == "nowhere.md").Status);
        AssertGoodFileStillChecked(report);
    }

    [Fact]
    public async Task Latin1FileWithoutLinks_DoesNotFailTheRun()
    {
        _repo.Write("good.md", "# Good\n");
        _repo.WriteBytes("latin1.md", Encoding.Latin1.GetBytes("# Résumé\n\nNo links here.\n"));
        var report = await CheckAsync();
        Assert.False(report.HasFailures);
        Assert.Equal(1, report.Summary.Warnings);
    }

    [Fact]
    public async Task Windows1252Punctuation_IsDecodedAsGitHubShowsIt()
    {
        // 0x80, 0x93 and 0x94 are the euro sign and curly quotes in Windows-1252 (C1 controls in Latin-1).
        _repo.WriteBytes("cp1252.md", Encoding.Latin1.GetBytes("[\u0093Price\u0094 in \u0080](good.md)\n"));
        var report = await CheckAsync();
        Assert.Equal("\u201CPrice\u201D in \u20AC", report.Results.Single(r => r.Url == "good.md" && r.Location.File == "cp1252.md").Text);
    }

    [Fact]
    public async Task Utf16WithByteOrderMark_IsCheckedWithAWarning()
    {
        _repo.WriteBytes("utf16.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("# Wide\n\n[w](#wide) [g](good.md)\n")]);
        var report = await CheckAsync();
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "#wide").Status);
        var warning = Assert.Single(report.Results, r => r.Location.File == "utf16.md" && r.Url is null);
        Assert.Equal("not UTF-8: UTF-16 LE (byte order mark 0xFF 0xFE), read as UTF-16", warning.Message);
    }

    [Fact]
    public async Task MostlyControlBytes_IsABinaryFileError()
    {
        _repo.WriteBytes("blob.md", [.. Enumerable.Range(0, 300).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0xC3))]);
        var report = await CheckAsync();
        Assert.Equal("binary file (mostly bytes that are not text), not markdown", ErrorFor(report, "blob.md").Message);
        AssertGoodFileStillChecked(report);
    }

    [Fact]
    public async Task Utf8Bom_IsAccepted()
    {
        _repo.WriteBytes("bom.md", [0xEF, 0xBB, 0xBF, .. "[g](good.md)"u8.ToArray()]);
        var report = await CheckAsync();
        var link = report.Results.Single(r => r.Location.File == "bom.md");
        Assert.Equal(LinkStatus.Ok, link.Status);
        Assert.Equal(5, link.Location.Column);
    }

    [Fact]
    public async Task BinaryFileNamedMd_IsAFileError()
    {
        _repo.WriteBytes("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var report = await CheckAsync();
        Assert.Equal("binary file (contains NUL bytes), not markdown", ErrorFor(report, "image.md").Message);
        AssertGoodFileStillChecked(report);
    }

    [Fact]
    public async Task FileOverTheSizeLimit_IsAFileError()
    {
        _repo.Write("huge.md", new string('x', 4096));
        var report = await CheckAsync(maxFileSize: 1024);
        Assert.Equal("file is too large to check (4 KB; the limit is 1 KB, see --max-file-size)", ErrorFor(report, "huge.md").Message);
        AssertGoodFileStillChecked(report);
    }

    [Fact]
    public async Task DeeplyNestedMarkdown_IsAFileError()
    {
        _repo.Write("lists.md", string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', 2 * (i % 200)) + "- item\n")));
        _repo.Write("quotes.md", new string('>', 10_000) + " [a](b.md)\n");
        var report = await CheckAsync();
        Assert.Contains("nested too deeply", ErrorFor(report, "lists.md").Message);
        Assert.Contains("nested too deeply", ErrorFor(report, "quotes.md").Message);
        AssertGoodFileStillChecked(report);
    }

    [Fact]
    public async Task DanglingSymlink_IsAnUnreadableFileError()
    {
        _repo.Symlink("gone.md", _repo.PathOf("deleted.md"));
        var report = await CheckAsync();
        Assert.Contains("cannot read file", ErrorFor(report, "gone.md").Message);
        AssertGoodFileStillChecked(report);
    }

    [Fact]
    public async Task SymlinkLoop_IsAFileErrorAndTheWalkEnds()
    {
        _repo.Symlink("a.md", _repo.PathOf("b.md"));
        _repo.Symlink("b.md", _repo.PathOf("a.md"));
        _repo.Symlink("docs/again", _repo.Root, directory: true);
        var report = await CheckAsync();
        Assert.Contains("symbolic link loop", ErrorFor(report, "a.md").Message);
        Assert.Contains("symbolic link loop", ErrorFor(report, "b.md").Message);
        AssertGoodFileStillChecked(report);
        Assert.Equal(3, report.Summary.Files);
    }

    [Fact]
    public async Task ManyLinksInOneFile_AreAllChecked()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("[l](good.md#good) ");
        }

        _repo.Write("many.md", text.ToString());
        var report = await CheckAsync();
        Assert.Equal(100_000, report.Results.Count(r => r.Location.File == "many.md" && r.Status == LinkStatus.Ok));
        Assert.Equal(2, report.Summary.Unique); // "#good" in good.md and "good.md#good" in many.md are one target
    }
}
