using System.Diagnostics;
using System.Text;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>The linkcheck executable of this build, run as a real child process (signals, exit codes, peak memory).</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>
    /// The CLI's own build output (src/LinkCheck.Cli/bin/CONFIGURATION/net10.0/linkcheck.dll), with its own deps and
    /// runtime config: the copy in this test project's output expects the ASP.NET Core framework the tests load.
    /// </summary>
    public static string Executable { get; } = FindExecutable();

    public string Out
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet linkcheck.dll ARGS</c> in <paramref name="directory"/> with a plain environment (no GitHub variables).</summary>
    public static ChildProcess Start(string directory, params string[] args) => StartMeasured(directory, null, args);

    /// <summary>As <see cref="Start(string, string[])"/>, under GNU time writing the peak resident set (KB) to <paramref name="peakFile"/>.</summary>
    public static ChildProcess StartMeasured(string directory, string? peakFile, params string[] args)
    {
        var start = new ProcessStartInfo(peakFile is null ? "dotnet" : "/usr/bin/time")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (peakFile is not null)
        {
            Assert.True(File.Exists("/usr/bin/time"), "GNU time is missing: bash .ci/install-time.sh");
            foreach (var arg in new[] { "-f", "%M", "-o", peakFile, "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k is "CI" or "RUNNER_TEMP").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => Append(child._out, e.Data);
        process.ErrorDataReceived += (_, e) => Append(child._error, e.Data);
        process.Exited += (_, _) => child._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends a real POSIX signal (through kill(1)).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{name} {Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the exit (at most <paramref name="limit"/>) and returns the exit code.</summary>
    public async Task<int> ExitAsync(TimeSpan limit)
    {
        var exited = await Task.WhenAny(_exited.Task, Task.Delay(limit)) == _exited.Task;
        Assert.True(exited, $"linkcheck did not exit within {limit.TotalSeconds} s\n{Error}");
        await _process.WaitForExitAsync(); // drains the output streams
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string FindExecutable()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, "src", "LinkCheck.Cli", "bin", configuration, framework, "linkcheck.dll");
        Assert.True(File.Exists(path), $"build the CLI first: {path} is missing");
        return path;
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }
}
