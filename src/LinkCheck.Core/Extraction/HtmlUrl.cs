namespace LinkCheck.Core.Extraction;

/// <summary>A URL found in an HTML attribute, located by character offsets in the scanned text.</summary>
/// <param name="Url">The URL after HTML character-reference decoding.</param>
/// <param name="Start">Offset of the URL's first character in the scanned text.</param>
/// <param name="End">Offset just past the URL's last character.</param>
/// <param name="Text">The element's text: the content of an <c>&lt;a&gt;</c>, the <c>alt</c> of an <c>&lt;img&gt;</c>.</param>
public readonly record struct HtmlUrl(string Url, int Start, int End, string Text);
