namespace LinkCheck.Core.Extraction;

/// <summary>Where a template tag (<c>{% post_url x %}</c>, <c>{{&lt; ref x &gt;}}</c>) is written in a document's text.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="Length">Its length in characters.</param>
public readonly record struct TemplateSpan(int Start, int Length);
