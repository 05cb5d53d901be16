using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Resolution;

/// <summary>Runs the real pipeline over a scratch repository and finds results by URL.</summary>
public abstract class ResolutionTestBase : IDisposable
{
    protected ResolutionTestBase() => Repo.InitGit();

    protected TempDirectory Repo { get; } = new();

    public void Dispose()
    {
        Repo.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<CheckReport> CheckAsync(Func<LinkCheckOptions, LinkCheckOptions>? configure = null)
    {
        var options = new LinkCheckOptions { RootDirectory = Repo.Root, Offline = true };
        return await new LinkChecker().CheckAsync(configure is null ? options : configure(options));
    }

    protected async Task<LinkResult> ResultForAsync(string url, Func<LinkCheckOptions, LinkCheckOptions>? configure = null)
    {
        var report = await CheckAsync(configure);
        return Assert.Single(report.Results, r => r.Url == url);
    }
}
