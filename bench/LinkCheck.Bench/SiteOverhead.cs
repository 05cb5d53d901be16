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

        var withoutSites = new List<(double Cpu, double Wall, IReadOnlyList<(string Stage, TimeSpan Duration)> Stages)>();
        var withSites = new List<(double Cpu, double Wall, IReadOnlyList<(string Stage, TimeSpan Duration)> Stages)>();
        int links;
        for (var i = 0; i < rounds; i++)
        {
            withoutSites.Add(await CpuSecondsAsync(off));
            withSites.Add(await CpuSecondsAsync(on));
        }

        var report = await new LinkChecker().CheckAsync(on);
        links = report.Results.Count;
        var linksWithout = (await new LinkChecker().CheckAsync(off)).Results.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{root}: {linksWithout} links without sites, {links} with ({rounds} rounds)"));
        foreach (var (name, measure) in new (string, Func<(double Cpu, double Wall, IReadOnlyList<(string Stage, TimeSpan Duration)> Stages), double>)[] { ("CPU ", r => r.Cpu), ("wall", r => r.Wall) })
        {
            var (a, b) = (withoutSites.Min(measure), withSites.Min(measure));
            var (c, d) = (Median(withoutSites.Select(measure)), Median(withSites.Select(measure)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} without sites {a:0.000} s, with sites {b:0.000} s (minimum): the site model adds {Math.Round((b / a - 1) * 100):+0;-0;0}%; median {c:0.000} s, {d:0.000} s: {Math.Round((d / c - 1) * 100):+0;-0;0}%"));
        }

        Console.WriteLine("  stages, wall, minimum of the rounds (without sites / with sites):");
        foreach (var stage in withSites[0].Stages.Select(s => s.Stage))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {stage,-24} {MinimumOf(withoutSites, stage)} / {MinimumOf(withSites, stage)}"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string MinimumOf(List<(double Cpu, double Wall, IReadOnlyList<(string Stage, TimeSpan Duration)> Stages)> rounds, string stage)
    {
        var times = rounds.SelectMany(r => r.Stages).Where(s => s.Stage == stage).Select(s => s.Duration.TotalSeconds).ToList();
        return times.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{times.Min():0.000} s");
    }

    private static async Task<(double Cpu, double Wall, IReadOnlyList<(string Stage, TimeSpan Duration)> Stages)> CpuSecondsAsync(LinkCheckOptions options)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var pauses = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        var report = await new LinkChecker().CheckAsync(options);
        wall.Stop();
        process.Refresh();
        if (Environment.GetEnvironmentVariable("BENCH_GC") is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    sites {options.DetectSites}: GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:0.000} s, collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}"));
        }

        return ((process.TotalProcessorTime - before).TotalSeconds, wall.Elapsed.TotalSeconds, report.Timings);
    }
}
