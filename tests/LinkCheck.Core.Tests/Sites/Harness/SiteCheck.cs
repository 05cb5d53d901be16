using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>Runs linkcheck over a fixture's source tree the way the CLI would, offline.</summary>
public static class SiteCheck
{
    /// <summary>Checks every markdown file under <paramref name="root"/>; <paramref name="configure"/> adds options (site overrides, ...).</summary>
    public static Task<CheckReport> RunAsync(string root, Func<LinkCheckOptions, LinkCheckOptions>? configure = null)
    {
        var options = new LinkCheckOptions { RootDirectory = root, Offline = true, Parallelism = 2 };
        return new LinkChecker().CheckAsync(configure is null ? options : configure(options));
    }
}
