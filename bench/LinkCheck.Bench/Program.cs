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

BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;
