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
