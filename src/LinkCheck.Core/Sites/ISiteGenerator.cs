namespace LinkCheck.Core.Sites;

/// <summary>
/// One static-site generator: how its sites are recognised and how the model of one is built. Each generator is a
/// folder of this namespace (<c>Sites/Jekyll/</c>, ...) with the same cast of files: this detector/factory, the
/// site model with its URL rules (a <see cref="SiteModel"/>), its heading slugger (<see cref="IHeadingSlugger"/>)
/// and, when its markdown holds a template language, its <see cref="ITemplateTagReader"/>. Adding a generator is
/// adding its folder and one line in <see cref="SiteRegistry"/>.
/// </summary>
public interface ISiteGenerator
{
    /// <summary>The name used in <c>--site NAME=DIR</c>, <c>sites: generator:</c> and the reports (lower-case).</summary>
    string Name { get; }

    /// <summary>
    /// The configuration file that makes <paramref name="directory"/> a site root of this generator
    /// (e.g. <c>_config.yml</c>), or null when it is not one.
    /// </summary>
    string? Detect(SiteDirectory directory);

    /// <summary>Builds the model of one site from its configuration and front matter, without running the generator.</summary>
    /// <exception cref="SiteConfigurationException">The configuration cannot be read.</exception>
    ISite Build(SiteSource source);
}
