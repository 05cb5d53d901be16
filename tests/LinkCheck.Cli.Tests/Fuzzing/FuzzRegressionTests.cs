using LinkCheck.Fuzz;

namespace LinkCheck.Cli.Tests.Fuzzing;

/// <summary>
/// Every input fuzz/run.sh saved as a crash or a hang (fuzz/crashes/TARGET, fuzz/hangs/TARGET) and every seed runs
/// through its target again, in process: once fixed, a finding stays fixed. A hang must now finish in seconds.
/// </summary>
public class FuzzRegressionTests
{
    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "FuzzFindings/crashes", "FuzzFindings/hangs", "FuzzSeeds" })
        {
            var directory = Path.Combine(AppContext.BaseDirectory, kind);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var target = Path.GetFileName(Path.GetDirectoryName(file)!);
                data.Add(target, Path.GetRelativePath(AppContext.BaseDirectory, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task Target_SavedInput_RunsWithoutFailingWithinSeconds(string target, string file)
    {
        var input = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, file));

        var run = Task.Run(() => FuzzTargets.All[target](input));

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))));
        await run;
    }

    [Fact]
    public void Findings_IncludeTheSeedsOfEveryTarget() =>
        Assert.Equal(FuzzTargets.All.Keys.Order(StringComparer.Ordinal), Findings().Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal));
}
