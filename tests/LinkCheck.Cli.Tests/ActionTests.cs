using System.Diagnostics;
using System.Text.Json;
using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Tests;

/// <summary>
/// The CLI as the GitHub Action: a runner-like environment (GITHUB_ACTIONS, a real pull_request payload, the
/// summary and output files, INPUT_*) and a fake GitHub API on loopback behind the real Octokit client.
/// </summary>
public sealed class ActionTests : IAsyncLifetime
{
    private readonly TempDirectory _repo = new();
    private readonly TempDirectory _runner = new();
    private FakeGitHubApi _api = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeGitHubApi.StartAsync();
        _repo.InitGit();
        _repo.Write("README.md", "# Docs\n\nRead the [guide](docs/guide.md) and the [setup](docs/setup.md#install).\n");
        _repo.Write("docs/guide.md", "# Guide\n\n## Usage\n\nBack to [home](../README.md#docs).\n");
        _runner.Write("event.json", """
            {
              "action": "synchronize",
              "number": 12,
              "pull_request": {
                "number": 12,
                "head": { "sha": "headsha1", "ref": "feature", "repo": { "full_name": "octo/docs" } },
                "base": { "sha": "basesha0", "ref": "main", "repo": { "full_name": "octo/docs" } }
              },
              "repository": { "full_name": "octo/docs" }
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _repo.Dispose();
        _runner.Dispose();
    }

    private Dictionary<string, string> RunnerEnvironment(Dictionary<string, string>? inputs = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = _runner.PathOf("event.json"),
            ["GITHUB_REPOSITORY"] = "octo/docs",
            ["GITHUB_SHA"] = "mergesha",
            ["GITHUB_REF_NAME"] = "12/merge",
            ["GITHUB_HEAD_REF"] = "feature",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = _api.BaseUrl.TrimEnd('/'),
            ["GITHUB_STEP_SUMMARY"] = _runner.PathOf("summary.md"),
            ["GITHUB_OUTPUT"] = _runner.PathOf("output.txt"),
            ["RUNNER_TEMP"] = _runner.Root,
            ["INPUT_PATHS"] = ".",
            ["INPUT_CONFIG"] = "",
            ["INPUT_OFFLINE"] = "true",
            ["INPUT_FAIL"] = "true",
            ["INPUT_ONLY-CHANGED"] = "false",
            ["INPUT_GITHUB-TOKEN"] = "ghs_actiontoken",
            ["INPUT_ANNOTATIONS"] = "true",
            ["INPUT_JOB-SUMMARY"] = "true",
            ["INPUT_PR-COMMENT"] = "true",
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

    private async Task<CliRun> RunActionAsync(Dictionary<string, string>? inputs = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var variables = RunnerEnvironment(inputs);
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            GetVariable = name => variables.GetValueOrDefault(name),
            CurrentDirectory = _repo.Root,
            CreateHttpHandler = options => Core.Resolution.HttpHandlerFactory.Create(options, LoopbackOnly.Apply),
            CreateGitHubHandler = FakeGitHubApi.Handler,
        };
        var code = await LinkCheckCli.RunAsync([], environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private Dictionary<string, string> Outputs()
    {
        var lines = File.ReadAllLines(_runner.PathOf("output.txt"));
        var outputs = new Dictionary<string, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = lines[i].IndexOf("<<", StringComparison.Ordinal);
            var delimiter = lines[i][(open + 2)..];
            outputs[lines[i][..open]] = lines[i + 1];
            i += 2;
            Assert.Equal(delimiter, lines[i]);
        }

        return outputs;
    }

    [Fact]
    public async Task Action_ScheduledWithIssueInput_OpensTheIssueThenClosesItWhenTheLinkIsFixed()
    {
        Dictionary<string, string> scheduled = new()
        {
            ["GITHUB_EVENT_NAME"] = "schedule",
            ["GITHUB_EVENT_PATH"] = "",
            ["GITHUB_RUN_ID"] = "4242",
            ["INPUT_ISSUE"] = "true",
        };

        var broken = await RunActionAsync(scheduled);
        _repo.Write("docs/setup.md", "# Setup\n\n## Install\n");
        var fixedRun = await RunActionAsync(scheduled);

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("::notice title=linkcheck::link-rot issue opened: https://github.com/octo/docs/issues/1", broken.Out, StringComparison.Ordinal);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("::notice title=linkcheck::all links work again: link-rot issue closed: https://github.com/octo/docs/issues/1", fixedRun.Out, StringComparison.Ordinal);
        var issue = Assert.Single(_api.Issues);
        Assert.Equal("closed", issue.State);
        Assert.Contains("| <code>docs/setup.md\\#install</code> | file not found: docs/setup.md |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("[this run](https://github.com/octo/docs/actions/runs/4242)", Assert.Single(_api.Comments[1]).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Requests, r => r.Path.Contains("/pulls/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Action_OnAPullRequest_AnnotatesSummarisesAndKeepsOneCommentAcrossRuns()
    {
        var first = await RunActionAsync();

        Assert.Equal(1, first.ExitCode);
        var annotation = Assert.Single(first.Out.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Equal("::error file=README.md,line=3,col=49,endColumn=69,title=Broken link::docs/setup.md#install: file not found: docs/setup.md", annotation);
        Assert.Matches(@"::stop-commands::linkcheck-[0-9a-f]{32}\n", first.Out);
        Assert.Contains("::notice title=linkcheck::pull request comment created: https://github.com/octo/docs/pull/1#issuecomment-", first.Out, StringComparison.Ordinal);

        var summary = await File.ReadAllTextAsync(_runner.PathOf("summary.md"));
        Assert.StartsWith("## linkcheck: 1 broken link\n", summary, StringComparison.Ordinal);
        Assert.Contains("[3](https://github.com/octo/docs/blob/headsha1/README.md#L3)", summary, StringComparison.Ordinal);

        var outputs = Outputs();
        Assert.Equal("1", outputs["broken"]);
        Assert.Equal("0", outputs["warnings"]);
        Assert.Equal("1", outputs["exit-code"]);
        Assert.Equal(_runner.PathOf("linkcheck-report.json"), outputs["report"]);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(outputs["report"])))
        {
            Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("broken").GetInt32());
        }

        Assert.False(File.Exists(_repo.PathOf("linkcheck-report.json")));

        // The author fixes the link; the second run edits the same comment into an all-clear.
        _repo.Write("docs/setup.md", "# Setup\n\n## Install\n");
        File.Delete(_runner.PathOf("output.txt"));
        var second = await RunActionAsync();

        Assert.Equal(0, second.ExitCode);
        var comment = Assert.Single(Assert.Single(_api.Comments).Value);
        Assert.Contains("all links OK", comment.Body, StringComparison.Ordinal);
        Assert.Single(_api.Requests, r => r.Method == "POST");
        Assert.Single(_api.Requests, r => r.Method == "PATCH");
        Assert.Equal("0", Outputs()["exit-code"]);
    }

    [Fact]
    public async Task Action_FailFalse_ExitsZeroButReportsTheExitCodeOutput()
    {
        var run = await RunActionAsync(new() { ["INPUT_FAIL"] = "false", ["INPUT_PR-COMMENT"] = "false" });
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1", Outputs()["exit-code"]);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Action_ForkWithReadOnlyToken_StillPassesOrFailsOnLinksOnly()
    {
        _api.ForbidComments = true;
        _repo.Write("docs/setup.md", "# Setup\n\n## Install\n");
        var run = await RunActionAsync();
        Assert.Equal(0, run.ExitCode);
        _api.ForbidComments = false;
        _repo.Write("README.md", "[bad](nope.md)\n");
        _api.ForbidComments = true;
        var failing = await RunActionAsync();
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("::notice title=linkcheck::the token may not comment on this pull request (a fork", failing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_OnlyChanged_ChecksTheChangedFilesAndTheFilesLinkingToThem()
    {
        _repo.Write("docs/other.md", "[broken but untouched](nowhere.md)\n");
        _api.PullFiles[12] = [("docs/guide.md", "modified", null, "@@ -1 +1 @@\n-## Use\n+## Usage\n")];

        var run = await RunActionAsync(new() { ["INPUT_ONLY-CHANGED"] = "true", ["INPUT_PR-COMMENT"] = "false" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Checking 2 files that the change touched or that link to what it touched:\n  README.md: links to docs/guide.md, which the change modifies\n  docs/guide.md: changed by pull request #12\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("nowhere.md", run.Out, StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(_runner.PathOf("summary.md"));
        Assert.Contains("- docs/guide.md: changed by pull request \\#12", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_CheckRun_IsCreatedWithAnnotations()
    {
        var run = await RunActionAsync(new() { ["INPUT_CHECK-RUN"] = "true", ["INPUT_PR-COMMENT"] = "false" });
        Assert.Equal(1, run.ExitCode);
        var created = Assert.Single(_api.CheckRunBodies);
        Assert.Equal("headsha1", created["head_sha"]!.GetValue<string>());
        Assert.Single(created["output"]!["annotations"]!.AsArray());
    }

    [Fact]
    public async Task Action_FixableLinks_AreSuggestedOnTheDiffAndListedInTheCommentOtherwise()
    {
        _repo.Write("README.md", "# Docs\n\nRead the [guide](docs/guide.md#Usage).\n");
        _repo.Write("docs/other.md", "# Other\n\n[usage](guide.md#USAGE)\n");
        _api.PullFiles[12] = [("README.md", "modified", null, "@@ -1,3 +1,3 @@\n # Docs\n \n-Read the [guide](docs/guide.md).\n+Read the [guide](docs/guide.md#Usage).")];

        var run = await RunActionAsync();

        Assert.Equal(0, run.ExitCode);
        var suggestion = Assert.Single(_api.ReviewComments[12]);
        Assert.Equal(("README.md", 4), (suggestion.Path, suggestion.Position));
        Assert.EndsWith("```suggestion\nRead the [guide](docs/guide.md#usage).\n```\n", suggestion.Body, StringComparison.Ordinal);
        var comment = Assert.Single(_api.Comments[12]);
        Assert.StartsWith(PullRequestComment.Marker + "\n### linkcheck: no broken links, 2 warnings\n", comment.Body, StringComparison.Ordinal);
        Assert.Contains("- docs/other.md:3:9: <code>guide.md\\#USAGE</code> → <code>guide.md\\#usage</code>", comment.Body, StringComparison.Ordinal);
        Assert.Contains("::notice title=linkcheck::suggested 1 fix in a pull request review; 1 outside the diff are listed in the comment", run.Out, StringComparison.Ordinal);
        Assert.Equal("# Docs\n\nRead the [guide](docs/guide.md#Usage).\n", await File.ReadAllTextAsync(_repo.PathOf("README.md")));
    }

    [Fact]
    public async Task Action_InputsAtTheirDefaults_DoNotOverrideTheConfigFile()
    {
        _repo.Write(".linkcheck.yml", "pr-comment: false\nfail: false\n");
        var run = await RunActionAsync();
        Assert.Equal(0, run.ExitCode);
        Assert.False(_api.Comments.ContainsKey(12));
    }

    [Fact]
    public async Task Action_InputChangedFromItsDefault_OverridesTheConfigFile()
    {
        _repo.Write(".linkcheck.yml", "pr-comment: true\nsuggest-fixes: true\n");
        var run = await RunActionAsync(new() { ["INPUT_PR-COMMENT"] = "false", ["INPUT_SUGGEST-FIXES"] = "false" });
        Assert.Equal(1, run.ExitCode);
        Assert.False(_api.Comments.ContainsKey(12));
        Assert.Empty(_api.ReviewBodies);
    }

    [Theory]
    [InlineData("INPUT_OFFLINE", "yes", "linkcheck: input 'offline' must be true or false, not 'yes'\n")]
    [InlineData("INPUT_ARGS", "--exclude 'unclosed", "linkcheck: input 'args' has an unclosed quote\n")]
    public async Task Action_BadInputs_AreClearErrors(string input, string value, string expected)
    {
        var run = await RunActionAsync(new() { [input] = value });
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error);
    }

    [Fact]
    public async Task Action_ArgsAndExcludeInputs_BecomeArguments()
    {
        var run = await RunActionAsync(new() { ["INPUT_EXCLUDE"] = "setup\\.md\nother", ["INPUT_ARGS"] = "--verbose --max-retries 1", ["INPUT_PR-COMMENT"] = "false" });
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("excluded: docs/setup.md#install", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_SitesInput_JudgesTheFolderAsThatGeneratorPublishesIt()
    {
        // mdBook publishes docs/src/intro.md at intro.html: a link to it works on the site, not as a file.
        _repo.Write("book/book.toml", "[book]\ntitle = \"B\"\n");
        _repo.Write("book/src/SUMMARY.md", "- [Intro](intro.md)\n- [Next](next.md)\n");
        _repo.Write("book/src/intro.md", "# Intro\n");
        _repo.Write("book/src/next.md", "# Next\n\nSee the [intro](intro.html).\n");
        _repo.Write("docs/setup.md", "# Setup\n\n## Install\n");

        var asFiles = await RunActionAsync(new() { ["INPUT_SITES"] = "none", ["INPUT_PR-COMMENT"] = "false", ["INPUT_PATHS"] = "book" });
        var asBook = await RunActionAsync(new() { ["INPUT_SITES"] = "mdbook=book", ["INPUT_PR-COMMENT"] = "false", ["INPUT_PATHS"] = "book" });

        Assert.Equal(1, asFiles.ExitCode);
        Assert.Contains("intro.html", asFiles.Out, StringComparison.Ordinal);
        Assert.Equal(0, asBook.ExitCode);
    }

    [Fact]
    public void ActionYml_DeclaresEveryInputTheSettingsTableNames()
    {
        var actionYml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "action.yml"));
        var inputs = SettingsTableInputs().ToList();
        Assert.Contains("sites", inputs);
        foreach (var input in inputs)
        {
            Assert.Contains($"\n  {input}:\n", actionYml, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> SettingsTableInputs() =>
        LinkCheck.Cli.Configuration.SettingsTable.All.Select(s => s switch
        {
            LinkCheck.Cli.Configuration.FlagSetting { ActionInput: { } flag } => flag.Name,
            LinkCheck.Cli.Configuration.ListSetting { ActionInput: { } list } => list,
            LinkCheck.Cli.Configuration.CustomSetting { ActionInput: { } custom } => custom,
            _ => null,
        }).OfType<string>();
}

/// <summary>--changed-since and --staged against a real git repository.</summary>
public sealed class ChangedSinceTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        // Read both pipes before waiting: a child that fills a pipe nobody reads never exits.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        Assert.True(process.ExitCode == 0, stderr);
    }

    [Fact]
    public async Task ChangedSince_ChecksWhatChangedAndWhatLinksToARemovedHeading()
    {
        Git("init", "-q");
        _repo.Write("docs/guide.md", "# Guide\n\n## Installing\n");
        _repo.Write("README.md", "[install](docs/guide.md#installing)\n");
        _repo.Write("unrelated.md", "[broken](gone.md)\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "first");
        _repo.Write("docs/guide.md", "# Guide\n\n## Installation\n");
        Git("commit", "-q", "-am", "rename heading");

        var run = await CliRun.RunAsync(_repo.Root, "--changed-since", "HEAD~1", "--offline");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("README.md: links to #installing in docs/guide.md, a heading the change renames or removes", run.Out, StringComparison.Ordinal);
        Assert.Contains("README.md:1:11: broken: docs/guide.md#installing", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("unrelated.md", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tab\there.md")]
    [InlineData("new\nline.md")]
    [InlineData("quo\"te.md")]
    [InlineData("back\\slash.md")]
    [InlineData("sp ace.md")]
    [InlineData("\u00FCn\u00EF\u00E7\u00F6d\u00E9.md")]
    public async Task ChangedSince_FileNameGitQuotes_IsCheckedAndItsRemovedHeadingFound(string name)
    {
        // Without -z, git lists such a name C-quoted ("tab\there.md"), which names no file: the change was dropped.
        Git("init", "-q");
        _repo.Write(name, "# Page\n\n## Installing\n\n[ok](README.md)\n");
        _repo.Write("README.md", "[install](<" + name.Replace("\n", "%0A", StringComparison.Ordinal).Replace("\t", "%09", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal) + "#installing>)\n");
        _repo.Write("unrelated.md", "[broken](gone.md)\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "first");
        _repo.Write(name, "# Page\n\n## Installation\n\n[gone](missing.md)\n");
        Git("commit", "-q", "-am", "rename heading");

        var text = await CliRun.RunAsync(_repo.Root, "--changed-since", "HEAD~1", "--offline");
        var run = await CliRun.RunAsync(_repo.Root, "--changed-since", "HEAD~1", "--offline", "--format", "json");

        // The removed heading is read from the patch, where git quotes the name (or ends it with a tab, for a space).
        Assert.Contains("README.md: links to #installing in ", text.Out, StringComparison.Ordinal);
        Assert.Contains(", a heading the change renames or removes", text.Out, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(run.Out);
        var broken = report.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == "broken")
            .Select(r => (r.GetProperty("file").GetString(), r.GetProperty("url").GetString()))
            .ToList();
        Assert.Contains((name, "missing.md"), broken);
        Assert.Contains(broken, b => b.Item1 == "README.md" && b.Item2!.EndsWith("#installing", StringComparison.Ordinal));
        Assert.DoesNotContain(broken, b => b.Item1 == "unrelated.md");
    }

    [Fact]
    public async Task ChangedSince_UnknownRef_IsAUsageError()
    {
        Git("init", "-q");
        _repo.Write("a.md", "x");
        Git("add", "-A");
        Git("commit", "-q", "-m", "first");
        var run = await CliRun.RunAsync(_repo.Root, "--changed-since", "no-such-ref", "--offline");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("linkcheck: --changed-since: 'no-such-ref' is not a commit of this repository that shares history with HEAD (git merge-base no-such-ref HEAD failed)\n", run.Error);
    }

    [Fact]
    public async Task Staged_ChecksTheStagedFilesAndWhatLinksToThem()
    {
        Git("init", "-q");
        _repo.Write("docs/guide.md", "# Guide\n\n## Installing\n");
        _repo.Write("README.md", "[install](docs/guide.md#installing)\n");
        _repo.Write("unrelated.md", "[broken](gone.md)\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "first");
        _repo.Write("docs/guide.md", "# Guide\n\n## Installation\n\n[new](new-page.md)\n");
        _repo.Write("notes.md", "[not staged](gone-too.md)\n");
        Git("add", "docs/guide.md");

        var run = await CliRun.RunAsync(_repo.Root, "--staged", "--offline");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("docs/guide.md:5:7: broken: new-page.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("README.md:1:11: broken: docs/guide.md#installing", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("unrelated.md", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staged_NothingStaged_ChecksNothingAndPasses()
    {
        Git("init", "-q");
        _repo.Write("unrelated.md", "[broken](gone.md)\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "first");

        var run = await CliRun.RunAsync(_repo.Root, "--staged", "--offline");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("unrelated.md", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staged_OutsideAGitRepository_IsAUsageError()
    {
        _repo.Write("a.md", "x");
        var run = await CliRun.RunAsync(_repo.Root, "--staged", "--offline", "--root-dir", ".");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("linkcheck: --staged needs a git repository: ", run.Error, StringComparison.Ordinal);
    }
}
