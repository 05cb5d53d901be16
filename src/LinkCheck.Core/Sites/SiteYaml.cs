using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LinkCheck.Core.Sites;

/// <summary>
/// YAML from a repository (a site's configuration, a page's front matter), loaded so that malformed text always
/// fails the same way: YamlDotNet throws <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/>
/// instead of a <see cref="YamlException"/> for some documents (a flow collection left open before a long key; the
/// fuzzing of <c>.linkcheck.yml</c> found others), and one page must never stop a run.
/// </summary>
internal static class SiteYaml
{
    /// <summary>The documents of <paramref name="text"/>.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new YamlException($"the YAML parser stopped: {e.Message}", e);
        }

        return stream;
    }
}
