using System.Diagnostics;
using System.Globalization;
using LinkCheck.Core;

namespace LinkCheck.Bench;

/// <summary>
/// The CPU and wall time the site model adds to an offline check, in one warm process: the same tree checked with site
/// detection off and on, alternately, after a warm-up round, so that JIT tiering and start-up (the same for both)
/// do not hide or inflate the difference. CPU time is the process's, so other load on the machine matters less
/// than for wall time; the minimum of the rounds is reported.
/// </summary>
public static class SiteOverhead
{
    /// <summary>Runs <paramref name="rounds"/> rounds on <paramref name="root"/> and prints the figures.</summary>
    public static async Task RunAsync(string root, int rounds)
    {
        var off = new LinkCheckOptions { RootDirectory = root, Offline = true, DetectSites = false };
        var on = off with { DetectSites = true };
        await new LinkChecker().CheckAsync(off);
        await new LinkChecker().CheckAsync(on);

        var withoutSites = new List<(double Cpu, double Wall)>();
        var withSites = new List<(double Cpu, double Wall)>();
        int links;
        for (var i = 0; i < rounds; i++)
        {
            withoutSites.Add(await CpuSecondsAsync(off));
            withSites.Add(await CpuSecondsAsync(on));
        }

        var report = await new LinkChecker().CheckAsync(on);
        links = report.Results.Count;
        var linksWithout = (await new LinkChecker().CheckAsync(off)).Results.Count;
        var a = withoutSites.Min(r => r.Cpu);
        var b = withSites.Min(r => r.Cpu);
        var c = withoutSites.Min(r => r.Wall);
        var d = withSites.Min(r => r.Wall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{root}: {linksWithout} links without sites, {links} with (min of {rounds})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU  without sites {a:0.000} s, with sites {b:0.000} s: the site model adds {(b / a - 1) * 100:+0;-0}%"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wall without sites {c:0.000} s, with sites {d:0.000} s: the site model adds {(d / c - 1) * 100:+0;-0}%"));
    }

    private static async Task<(double Cpu, double Wall)> CpuSecondsAsync(LinkCheckOptions options)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await new LinkChecker().CheckAsync(options);
        wall.Stop();
        process.Refresh();
        return ((process.TotalProcessorTime - before).TotalSeconds, wall.Elapsed.TotalSeconds);
    }
}
