namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>
/// How to build a fixture site with a real generator: the program, its arguments for a source and an output
/// folder, and how the built site is served. One of these per generator (see <see cref="Generators"/>).
/// </summary>
/// <param name="Name">The generator's name, as linkcheck's registry knows it.</param>
/// <param name="Executable">The program to run (looked up on PATH).</param>
/// <param name="Arguments">The arguments, given the source folder (the fixture's copy) and the output folder.</param>
/// <param name="Install">How to get the generator, for the failure message when it is missing (<c>.ci/install-NAME.sh</c>).</param>
public sealed record GeneratorCommand(string Name, string Executable, Func<string, string, IReadOnlyList<string>> Arguments, string Install)
{
    /// <summary>The URL path the built pages are served under (Jekyll's <c>baseurl</c>), starting and ending with <c>/</c>.</summary>
    public string BasePath { get; init; } = "/";

    /// <summary>The scheme and host the site is published at (<c>https://example.github.io</c>): absolute links to it are crawled like site paths.</summary>
    public string? PublishedHost { get; init; }

    /// <summary>The server answers <c>/x</c> with <c>/x.html</c> (GitHub Pages does).</summary>
    public bool ServesWithoutHtmlExtension { get; init; }

    /// <summary>Environment variables for the build (a writable HOME, no telemetry).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long a build may take; a fixture build takes seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The same command with another base path (fixtures with a <c>baseurl</c>).</summary>
    public GeneratorCommand WithBasePath(string basePath) => this with { BasePath = "/" + basePath.Trim('/') + (basePath.Trim('/').Length == 0 ? string.Empty : "/") };
}
