using System.Text.RegularExpressions;

namespace LinkCheck.Cli.Tests;

/// <summary>
/// Keeps docs/architecture.md true: Core never references the CLI, never reads the console or the environment, and
/// each pipeline stage (a folder and namespace of Core) references only itself, earlier stages and the model. The
/// rules are checked on the source text (every <c>using</c> and every namespace-qualified name), so a reference in a
/// method body counts as much as one in a signature.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>The stages of Core in pipeline order; a stage may use the ones before it. Keep docs/architecture.md in step.</summary>
    public static readonly string[] Stages = ["Model", "Discovery", "Extraction", "Filtering", "Planning", "Sites", "Resolution", "Changes", "Fixing", "Reporting"];

    [Fact]
    public void CoreStages_ReferenceOnlyEarlierStages()
    {
        var violations = CoreFiles()
            .Where(f => f.Stage is not null)
            .SelectMany(f => StageReferences(f.Text)
                .Where(used => Array.IndexOf(Stages, used) > Array.IndexOf(Stages, f.Stage))
                .Select(used => $"{f.Path}: {f.Stage} uses {used}, a later stage"))
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, "Stage order is " + string.Join(" < ", Stages) + ":\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Core_NeverReferencesTheCli_TheConsoleOrTheEnvironment()
    {
        var violations = CoreFiles()
            .SelectMany(f => ForbiddenInCore().Matches(WithoutComments(f.Text)).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();

        Assert.True(violations.Count == 0, "Core takes the console, the environment and CLI types from its caller:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void EveryCoreFolder_IsAKnownStage()
    {
        var unknown = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src", "LinkCheck.Core"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj") && !Stages.Contains(name))
            .ToList();

        Assert.True(unknown.Count == 0, "Folders of Core that are not a stage (add them to Stages and docs/architecture.md): " + string.Join(", ", unknown));
    }

    [Theory]
    [InlineData("using LinkCheck.Core.Reporting;\n", "Reporting")]
    [InlineData("var x = new Filtering.IgnoreDirective();\n", "Filtering")]
    [InlineData("IReadOnlyList<LinkCheck.Core.Resolution.GitHub.GitHubUrl> urls;\n", "Resolution")]
    public void StageReferences_FindUsingsAndQualifiedNames(string source, string expected) =>
        Assert.Contains(expected, StageReferences(source));

    [Theory]
    [InlineData("return options.Changes.Files;\n")]
    [InlineData("// see Reporting.TextReporter\n")]
    [InlineData("/// <see cref=\"Reporting.TextReporter\"/>\n")]
    public void StageReferences_IgnoreMemberAccessAndComments(string source) =>
        Assert.Empty(StageReferences(source));

    private static IEnumerable<string> StageReferences(string source)
    {
        var code = WithoutComments(source);
        foreach (Match m in QualifiedStage().Matches(code))
        {
            yield return m.Groups["stage"].Value;
        }
    }

    private static string WithoutComments(string source) => LineComment().Replace(source, string.Empty);

    private static IEnumerable<(string Path, string? Stage, string Text)> CoreFiles()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "LinkCheck.Core");
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            // Files at the root of Core (the orchestrator, the options) compose every stage.
            var stage = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : null;
            yield return ("src/LinkCheck.Core/" + relative, stage, File.ReadAllText(file));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LinkCheck.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LinkCheck.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary><c>using LinkCheck.Core.X</c>, <c>LinkCheck.Core.X.Name</c> or <c>X.Name</c> not after a dot (member access).</summary>
    [GeneratedRegex(@"(?:\bLinkCheck\.Core\.|(?<![\w.]))(?<stage>Model|Discovery|Extraction|Filtering|Planning|Sites|Resolution|Changes|Fixing|Reporting)(?:\.[A-Z]\w*|;)")]
    private static partial Regex QualifiedStage();

    [GeneratedRegex(@"//.*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bLinkCheck\.Cli\b|\bConsole\.\w+|\bEnvironment\.(?:GetEnvironmentVariable|GetEnvironmentVariables|SetEnvironmentVariable|CurrentDirectory|Exit)\b")]
    private static partial Regex ForbiddenInCore();
}
