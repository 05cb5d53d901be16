using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;

namespace LinkCheck.Core.Tests.Sites;

/// <summary>A copy of a fixture site under <c>tests/Sites/</c>, checked by linkcheck without building it.</summary>
public sealed class SiteFixture : IDisposable
{
    private readonly TempDirectory _scratch = new();

    /// <summary>Copies <c>tests/Sites/<paramref name="name"/></c> into a scratch repository.</summary>
    public SiteFixture(string name)
    {
        var from = FixturePaths.Of(name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(Root, ".git"));
    }

    /// <summary>The scratch repository's root.</summary>
    public string Root => _scratch.Root;

    /// <summary>Runs linkcheck offline over the copy.</summary>
    public Task<CheckReport> CheckAsync(Func<LinkCheckOptions, LinkCheckOptions>? configure = null) => SiteCheck.RunAsync(Root, configure);

    /// <summary>The result of the link whose text starts with <paramref name="key"/>.</summary>
    public static LinkResult Keyed(CheckReport report, string key) =>
        Assert.Single(report.Results, r => RealSiteHarness.KeyOf(r.Text) == key);

    /// <inheritdoc />
    public void Dispose() => _scratch.Dispose();
}
