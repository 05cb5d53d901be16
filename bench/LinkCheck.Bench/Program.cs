using BenchmarkDotNet.Running;
using LinkCheck.Bench;

// dotnet run -c Release --project bench/LinkCheck.Bench -- generate DIR [FILES] [LINKS_PER_FILE]
// dotnet run -c Release --project bench/LinkCheck.Bench -- --filter '*'     (BenchmarkDotNet)
if (args.Length >= 2 && args[0] == "generate")
{
    var files = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5_000;
    var links = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 40;
    var (count, total, bytes) = CorpusGenerator.Generate(args[1], files, links);
    Console.WriteLine($"{count} files, {total} links, {bytes / 1024.0 / 1024.0:0.0} MB in {args[1]}");
    return 0;
}

// dotnet run -c Release --project bench/LinkCheck.Bench -- site-overhead DIR [ROUNDS]   (CPU the site model adds, warm)
if (args.Length >= 2 && args[0] == "site-overhead")
{
    await SiteOverhead.RunAsync(Path.GetFullPath(args[1]), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return 0;
}

// dotnet run -c Release --project bench/LinkCheck.Bench -- site-repeat DIR on|off ROUNDS   (for a profiler: one mode only)
if (args.Length >= 4 && args[0] == "site-repeat")
{
    for (var i = 0; i < int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        await new LinkCheck.Core.LinkChecker().CheckAsync(new LinkCheck.Core.LinkCheckOptions { RootDirectory = Path.GetFullPath(args[1]), Offline = true, DetectSites = args[2] == "on" });
    }

    return 0;
}

// dotnet run -c Release --project bench/LinkCheck.Bench -- internet-corpus DIR TRUTH PORT   (writes corpus + truth, prints the bound)
// dotnet run -c Release --project bench/LinkCheck.Bench -- internet-serve PORT              (serves until killed)
// dotnet run -c Release --project bench/LinkCheck.Bench -- score linkcheck|mlc TRUTH FILE
if (args.Length >= 4 && args[0] == "internet-corpus")
{
    var bound = SimulatedInternet.WriteCorpus(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), hostConcurrency: 8);
    Console.WriteLine(bound.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length >= 2 && args[0] == "internet-serve")
{
    await SimulatedInternet.ServeAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), () => Console.WriteLine("ready"), CancellationToken.None);
    return 0;
}

// Issue 11's strict internet (bench/http.sh strict):
//   strict-corpus DIR TRUTH PORT TIMEOUT_SECONDS   (writes corpus + truth, prints the polite bound in seconds)
//   strict-serve PORT STATS_FILE                   (serves until killed, then writes what it saw)
//   strict-score TRUTH REPORT                      (prints found, false reds, missed, dead, precision, recall)
if (args.Length >= 5 && args[0] == "strict-corpus")
{
    var timeout = TimeSpan.FromSeconds(double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
    var bound = StrictInternet.WriteCorpus(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), timeout);
    Console.WriteLine(bound.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length >= 3 && args[0] == "strict-serve")
{
    await StrictInternet.ServeAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2], () => Console.WriteLine("ready"), CancellationToken.None);
    return 0;
}

if (args.Length >= 3 && args[0] == "strict-score")
{
    var (found, falseRed, missed, dead, precision, recall) = StrictInternet.Score(args[1], args[2]);
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{found} {falseRed} {missed} {dead} {precision:0.0000} {recall:0.0000}"));
    return 0;
}

if (args.Length >= 4 && args[0] == "score")
{
    var (found, falseRed, missed, dead) = args[1] == "mlc"
        ? SimulatedInternet.ScoreMarkdownLinkCheck(args[2], args[3])
        : SimulatedInternet.ScoreLinkcheck(args[2], args[3]);
    Console.WriteLine($"{found} {falseRed} {missed} {dead}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;
