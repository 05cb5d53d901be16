namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>The real generators the site tests build fixtures with. Each helper adds its generator here.</summary>
public static class Generators
{
    /// <summary>
    /// Jekyll 4.3 from Debian with GitHub Pages' default plugins (the fixture's <c>_config.yml</c> names them, as the
    /// github-pages gem would enable them; <c>--safe</c> would turn them off, as only GitHub's own build whitelists
    /// them). GitHub Pages serves <c>/x</c> for <c>/x.html</c>.
    /// </summary>
    public static GeneratorCommand Jekyll { get; } = new(
        "jekyll",
        "jekyll",
        (source, output) => ["build", "--source", source, "--destination", output, "--quiet", "--disable-disk-cache"],
        ".ci/install-jekyll.sh (Debian: jekyll ruby-jekyll-relative-links ruby-jekyll-optional-front-matter ruby-jekyll-readme-index ruby-jekyll-titles-from-headings)")
    {
        ServesWithoutHtmlExtension = true,
        Environment = new Dictionary<string, string> { ["JEKYLL_ENV"] = "production", ["LANG"] = "C.UTF-8" },
    };

    /// <summary>Where <c>.ci/install-docfx.sh</c> and <c>.ci/install-docusaurus.sh</c> put the tools (<c>$LINKCHECK_TOOLS</c>, default <c>~/.cache/linkcheck</c>).</summary>
    public static string ToolsRoot =>
        Environment.GetEnvironmentVariable("LINKCHECK_TOOLS") is { Length: > 0 } tools
            ? tools
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "linkcheck");

    /// <summary>DocFX 2.81 (the .NET tool, installed into a tool path by <c>.ci/install-docfx.sh</c>).</summary>
    public static GeneratorCommand DocFx { get; } = new(
        "docfx",
        Path.Combine(ToolsRoot, "docfx", "docfx"),
        (source, output) => ["build", Path.Combine(source, "docfx.json"), "--output", output],
        ".ci/install-docfx.sh (dotnet tool install docfx --version 2.81.0 --tool-path ~/.cache/linkcheck/docfx)")
    {
        Environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
    };

    /// <summary>
    /// Docusaurus 3 from npm (<c>.ci/install-docusaurus.sh</c> installs it outside the repository); its
    /// <c>node_modules</c> is linked into the fixture's copy before the build, as <c>npm install</c> would have put it there.
    /// </summary>
    public static GeneratorCommand Docusaurus { get; } = new(
        "docusaurus",
        "node",
        (source, output) =>
        {
            var modules = Path.Combine(ToolsRoot, "docusaurus", "node_modules");
            var cli = Path.Combine(modules, "@docusaurus", "core", "bin", "docusaurus.mjs");
            if (!File.Exists(cli))
            {
                Assert.Fail($"docusaurus is not installed ({cli} is missing): this test builds a fixture with the real generator. Install it with .ci/install-docusaurus.sh.");
            }

            var link = Path.Combine(source, "node_modules");
            if (!Directory.Exists(link))
            {
                Directory.CreateSymbolicLink(link, modules);
            }

            return [cli, "build", source, "--out-dir", output, "--no-minify"];
        },
        ".ci/install-docusaurus.sh (Node.js 20+ and npm, then @docusaurus/core and @docusaurus/preset-classic 3.10)")
    {
        Environment = new Dictionary<string, string> { ["DOCUSAURUS_TELEMETRY_DISABLED"] = "1", ["NODE_ENV"] = "production" },
        Timeout = TimeSpan.FromMinutes(8),
    };
}
