using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// The one Markdig pipeline every file is parsed with: CommonMark plus the GitHub Flavored Markdown
/// extensions that change where links are (tables, strikethrough, autolinks, footnotes),
/// YAML front matter (Jekyll posts; GitHub renders it as a table, never as links), and precise source
/// positions. Nothing else: extensions GitHub does not have (generic attributes, custom containers, ...)
/// would make us see links and ids that GitHub does not.
/// <para>
/// Not Markdig's task lists: its parser takes <c>[x]</c> or <c>[ ]</c> anywhere in a list item for a checkbox, so
/// <c>- see [x](x.md)</c> lost its link. GFM §5.3 allows the marker only at the start of the item's first paragraph,
/// followed by whitespace, where it is never a link; without the extension it stays literal text.
/// </para>
/// </summary>
public static class MarkdownPipelineFactory
{
    /// <summary>The shared pipeline. Markdig pipelines are immutable and safe to use from many threads.</summary>
    public static MarkdownPipeline Shared { get; } = Create();

    private static MarkdownPipeline Create() => new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseFootnotes()
        .Build();
}
