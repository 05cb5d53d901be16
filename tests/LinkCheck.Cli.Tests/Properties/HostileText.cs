using CsCheck;

namespace LinkCheck.Cli.Tests.Properties;

/// <summary>Generators of text a hostile contributor could put in a repository: paths, URLs, link text.</summary>
internal static class HostileText
{
    /// <summary>Pieces that mean something to workflow commands, markdown, HTML or our PR comment.</summary>
    private static readonly string[] Fragments =
    [
        "::", "::error::", "::set-output name=x::", "::stop-commands::", "::add-mask::", "%", "%0A", "%25", ":", ",", "=",
        "\r", "\n", "\r\n", "\t", "|", "||", "\\|", "\\", "`", "``", "```", "*", "_", "[", "]", "(", ")", "#", "!", "~",
        "<", ">", "&", "&lt;", "&#124;", "@", "@everyone", "<!--", "-->", "<!-- linkcheck:report -->", "<details>",
        "</details>", "<summary>", "</summary>", "<code>", "</code>", "<script>", "</td>", "<br>", "\u202E", "\u2066",
        "\u200B", "\0", "\u001B[31m", "\u0085", "\u2028", "x", "docs/a.md", "https://example.com/", " ", "-", "é",
    ];

    /// <summary>A mix of hostile fragments and arbitrary characters.</summary>
    public static Gen<string> Any { get; } = Gen.OneOf(
        Gen.OneOf(Fragments).Array[0, 12].Select(parts => string.Concat(parts)),
        Gen.String[0, 30],
        Gen.Select(Gen.OneOf(Fragments).Array[0, 6], Gen.String[0, 10], (parts, tail) => string.Concat(parts) + tail));

    /// <summary>Hostile text that is never empty (a file name).</summary>
    public static Gen<string> NonEmpty { get; } = Any.Select(text => text.Length == 0 ? "x" : text);
}
