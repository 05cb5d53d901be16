namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>
/// The CLI as the GitHub Action in a runner-like environment, against a fake GitHub API on loopback, for the
/// hostile cases of issue 9: a repository with one broken link in a file the pull request did not touch.
/// </summary>
public abstract class HostileActionTestBase : IAsyncLifetime
{
    protected TempDirectory Repo { get; } = new();

    protected TempDirectory Runner { get; } = new();

    protected FakeGitHubApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeGitHubApi.StartAsync();
        Repo.InitGit();
        Repo.Write("README.md", "# Docs\n\nRead the [guide](docs/guide.md).\n");
        Repo.Write("docs/guide.md", "# Guide\n\nBack to [home](../README.md#docs).\n");
        Repo.Write("docs/other.md", "[broken but untouched](nowhere.md)\n");
        Api.PullFiles[12] = [("docs/guide.md", "modified", null, null)];
        WriteEvent("12");
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Repo.Dispose();
        Runner.Dispose();
    }

    /// <summary>Writes the pull_request event payload with <paramref name="number"/> as the raw JSON of the number.</summary>
    protected void WriteEvent(string number) => Runner.Write("event.json", $$"""
        {
          "action": "synchronize",
          "number": {{number}},
          "pull_request": {
            "number": {{number}},
            "head": { "sha": "headsha1", "ref": "feature", "repo": { "full_name": "octo/docs" } },
            "base": { "sha": "basesha0", "ref": "main", "repo": { "full_name": "octo/docs" } }
          },
          "repository": { "full_name": "octo/docs" }
        }
        """);

    protected Dictionary<string, string> RunnerEnvironment(Dictionary<string, string>? inputs = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = Runner.PathOf("event.json"),
            ["GITHUB_REPOSITORY"] = "octo/docs",
            ["GITHUB_SHA"] = "mergesha",
            ["GITHUB_REF_NAME"] = "12/merge",
            ["GITHUB_HEAD_REF"] = "feature",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = Api.BaseUrl.TrimEnd('/'),
            ["GITHUB_STEP_SUMMARY"] = Runner.PathOf("summary.md"),
            ["GITHUB_OUTPUT"] = Runner.PathOf("output.txt"),
            ["RUNNER_TEMP"] = Runner.Root,
            ["INPUT_PATHS"] = ".",
            ["INPUT_CONFIG"] = "",
            ["INPUT_OFFLINE"] = "true",
            ["INPUT_FAIL"] = "true",
            ["INPUT_ONLY-CHANGED"] = "false",
            ["INPUT_GITHUB-TOKEN"] = "ghs_actiontoken",
            ["INPUT_ANNOTATIONS"] = "true",
            ["INPUT_JOB-SUMMARY"] = "true",
            ["INPUT_PR-COMMENT"] = "false",
            ["INPUT_CHECK-RUN"] = "false",
            ["INPUT_EXCLUDE"] = "",
            ["INPUT_ARGS"] = "",
        };
        foreach (var (name, value) in inputs ?? [])
        {
            variables[name] = value;
        }

        return variables;
    }

    private protected async Task<CliRun> RunActionAsync(Dictionary<string, string>? inputs = null, string[]? args = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var variables = RunnerEnvironment(inputs);
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            GetVariable = name => variables.GetValueOrDefault(name),
            CurrentDirectory = Repo.Root,
            CreateHttpHandler = options => Core.Resolution.HttpHandlerFactory.Create(options, LoopbackOnly.Apply),
            CreateGitHubHandler = FakeGitHubApi.Handler,
        };
        var code = await LinkCheckCli.RunAsync(args ?? [], environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The GITHUB_OUTPUT file's values.</summary>
    protected Dictionary<string, string> Outputs()
    {
        var lines = File.ReadAllLines(Runner.PathOf("output.txt"));
        var outputs = new Dictionary<string, string>();
        for (var i = 0; i + 2 < lines.Length; i += 3)
        {
            var open = lines[i].IndexOf("<<", StringComparison.Ordinal);
            outputs[lines[i][..open]] = lines[i + 1];
        }

        return outputs;
    }
}
