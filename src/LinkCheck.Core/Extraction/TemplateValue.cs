using LinkCheck.Core.Model;

namespace LinkCheck.Core.Extraction;

/// <summary>What a destination with template tags becomes: the URL the generator writes, or a verdict decided already.</summary>
/// <param name="Url">The evaluated URL (tags replaced by their output), or null.</param>
/// <param name="Verdict">A verdict that needs no lookup: skipped (a tag that cannot be evaluated statically) or broken (the build fails).</param>
public sealed record TemplateValue(string? Url, Verdict? Verdict)
{
    /// <summary>The destination as the generator writes it.</summary>
    public static TemplateValue Of(string url) => new(url, null);

    /// <summary>The tag cannot be evaluated without running the generator; the link is skipped with a reason naming the tag.</summary>
    public static TemplateValue Skip(string reason) => new(null, Verdict.Skipped(reason));

    /// <summary>The generator stops with an error on this tag: nothing is published.</summary>
    public static TemplateValue BuildFails(string message, Suggestion? suggestion = null) =>
        new(null, Verdict.Broken(FindingCode.SiteBuildFails, message, suggestion));
}
