namespace LinkCheck.Core.Model;

/// <summary>The syntax a link was written in.</summary>
public enum LinkKind
{
    /// <summary>An inline or reference link: <c>[text](url)</c>, <c>[text][ref]</c>, <c>[ref]</c>.</summary>
    Link,

    /// <summary>An inline or reference image: <c>![alt](url)</c>.</summary>
    Image,

    /// <summary>An <c>&lt;angle&gt;</c> autolink or a bare URL / <c>www.</c> link (GFM autolink extension).</summary>
    Autolink,

    /// <summary>An <c>href</c>, <c>src</c> or <c>srcset</c> URL in raw HTML.</summary>
    Html,

    /// <summary>A link reference definition that no link in the file uses (reported where it is defined).</summary>
    Definition,
}
