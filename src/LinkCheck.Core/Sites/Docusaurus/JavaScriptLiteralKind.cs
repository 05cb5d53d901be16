namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>What a <see cref="JavaScriptLiteral"/> holds.</summary>
public enum JavaScriptLiteralKind
{
    /// <summary>A string literal (or a template literal without substitutions).</summary>
    StringLiteral,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    BooleanLiteral,

    /// <summary>A number literal.</summary>
    NumberLiteral,

    /// <summary><c>null</c> or <c>undefined</c>.</summary>
    NullLiteral,

    /// <summary>An object literal.</summary>
    ObjectLiteral,

    /// <summary>An array literal.</summary>
    ArrayLiteral,

    /// <summary>Anything that needs evaluation; <see cref="JavaScriptLiteral.Text"/> holds its source.</summary>
    Computed,
}
