using System.Diagnostics;
using LinkCheck.Fuzz;
using SharpFuzz;

// Usage:
//   LinkCheck.Fuzz TARGET                 run under afl-fuzz (SharpFuzz's fork server; one input when not under afl-fuzz)
//   LinkCheck.Fuzz TARGET --replay DIR    run every file of DIR once, in process, and report the first failure
//   LinkCheck.Fuzz TARGET --mutate N DIR  in-process mutation fuzzing (no coverage feedback): N inputs mutated from DIR
// TARGET is one of: markdown, html, config.
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: LinkCheck.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [--replay DIR | --mutate N DIR]");
    return 2;
}

if (args.Length == 3 && args[1] == "--replay")
{
    var failures = 0;
    foreach (var file in Directory.EnumerateFiles(args[2], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            failures++;
            Console.Error.WriteLine(Environment.GetEnvironmentVariable("FUZZ_STACK") is null ? $"{file}: {e.GetType().Name}: {e.Message}" : $"{file}: {e}");
        }
    }

    return failures == 0 ? 0 : 1;
}

if (args.Length == 4 && args[1] == "--mutate")
{
    var count = long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    var seeds = Directory.EnumerateFiles(args[3], "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();
    var crashDirectory = Path.Combine(Path.GetTempPath(), "linkcheck-fuzz-crashes");
    var watch = Stopwatch.StartNew();
    var (executions, crashes) = MutationFuzzer.Run(target, seeds, count, seed: 1, crashDirectory);
    Console.WriteLine($"{args[0]}: {executions} executions, {crashes} crashes, {watch.Elapsed.TotalSeconds:F0} s");
    return crashes == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    target(memory.ToArray());
});
return 0;
