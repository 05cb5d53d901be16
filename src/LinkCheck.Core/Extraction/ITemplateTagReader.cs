namespace LinkCheck.Core.Extraction;

/// <summary>
/// Reads the template language a generator evaluates in markdown before rendering it (Liquid for Jekyll,
/// shortcodes for Hugo, <c>{{#include}}</c> for mdBook). Extraction masks each tag so that Markdig sees one word
/// where <c>[a]({% post_url x %})</c> has spaces (see <see cref="TemplateMask"/>); planning asks
/// <see cref="Evaluate"/> what a destination holding tags becomes.
/// </summary>
public interface ITemplateTagReader
{
    /// <summary>The template tags of a document, in order, not overlapping (text inside <c>{% raw %}</c> is not a tag).</summary>
    IReadOnlyList<TemplateSpan> FindTags(string text);

    /// <summary>True when <paramref name="destination"/> holds template text to evaluate.</summary>
    bool HasTags(string destination);

    /// <summary>What the generator makes of a destination with tags, written in <paramref name="documentPath"/>.</summary>
    TemplateValue Evaluate(string destination, string documentPath);
}
