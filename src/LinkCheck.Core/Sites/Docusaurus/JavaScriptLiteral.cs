using System.Globalization;
using System.Text;

namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>
/// A value read from JavaScript or TypeScript source without running it: a string, boolean, number or null literal,
/// an object or array literal of such values, or <see cref="JavaScriptLiteralKind.Computed"/> for anything that would
/// need evaluation (a function call, <c>process.env</c>, a template with <c>${}</c>, an operator). Top-level
/// <c>const</c>/<c>let</c>/<c>var</c> bindings to literals are followed, so <c>const baseUrl = '/x/'</c> and
/// <c>{ baseUrl }</c> read as <c>'/x/'</c>.
/// </summary>
public sealed class JavaScriptLiteral
{
    private JavaScriptLiteral(JavaScriptLiteralKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>What the value is.</summary>
    public JavaScriptLiteralKind Kind { get; }

    /// <summary>A string's value; a literal's or a computed expression's source text.</summary>
    public string Text { get; }

    /// <summary>An object's properties in source order (empty otherwise).</summary>
    public IReadOnlyList<KeyValuePair<string, JavaScriptLiteral>> Properties { get; private init; } = [];

    /// <summary>An array's items (empty otherwise).</summary>
    public IReadOnlyList<JavaScriptLiteral> Items { get; private init; } = [];

    /// <summary>The string value, or null when this is not a string.</summary>
    public string? AsString => Kind == JavaScriptLiteralKind.StringLiteral ? Text : null;

    /// <summary>True or false for a boolean literal, null otherwise.</summary>
    public bool? AsBoolean => Kind == JavaScriptLiteralKind.BooleanLiteral ? Text == "true" : null;

    /// <summary>The last property named <paramref name="name"/> of an object (JavaScript keeps the last), or null.</summary>
    public JavaScriptLiteral? this[string name] => Properties.LastOrDefault(p => p.Key == name).Value;

    /// <summary>
    /// The first object literal in <paramref name="source"/> that has one of <paramref name="keys"/> (the outermost,
    /// since it starts first), or null when there is none.
    /// </summary>
    public static JavaScriptLiteral? FindObject(string source, params string[] keys)
    {
        var tokens = Tokenizer.Tokenize(source);
        var parser = new Parser(source, tokens);
        parser.ReadBindings();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Text != "{" || tokens[i].Kind != TokenKind.Punctuation)
            {
                continue;
            }

            var position = i;
            var value = parser.ParseValue(ref position);
            if (value.Kind == JavaScriptLiteralKind.ObjectLiteral && value.Properties.Any(p => keys.Contains(p.Key)))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The first value of <paramref name="source"/> read as a literal (for tests).</summary>
    public static JavaScriptLiteral Parse(string source)
    {
        var tokens = Tokenizer.Tokenize(source);
        var position = 0;
        return tokens.Count == 0 ? Computed(string.Empty) : new Parser(source, tokens).ParseValue(ref position);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        JavaScriptLiteralKind.StringLiteral => "'" + Text + "'",
        JavaScriptLiteralKind.ObjectLiteral => "{" + string.Join(", ", Properties.Select(p => p.Key + ": " + p.Value)) + "}",
        JavaScriptLiteralKind.ArrayLiteral => "[" + string.Join(", ", Items) + "]",
        _ => Text,
    };

    private static JavaScriptLiteral Computed(string text) => new(JavaScriptLiteralKind.Computed, text.Length > 60 ? text[..57] + "..." : text);

    private enum TokenKind
    {
        Identifier,
        String,
        Template,
        Number,
        Punctuation,
        Regex,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Start, int End, bool HasSubstitution = false);

    private static class Tokenizer
    {
        public static List<Token> Tokenize(string s)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
                {
                    while (i < s.Length && s[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
                {
                    var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? s.Length : end + 2;
                }
                else if (c is '\'' or '"')
                {
                    var start = i;
                    var value = ReadQuoted(s, ref i, c);
                    tokens.Add(new Token(TokenKind.String, value, start, i));
                }
                else if (c == '`')
                {
                    var start = i;
                    var value = ReadTemplate(s, ref i, out var substitution);
                    tokens.Add(new Token(TokenKind.Template, value, start, i, substitution));
                }
                else if (c == '/' && StartsRegex(tokens))
                {
                    var start = i;
                    SkipRegex(s, ref i);
                    tokens.Add(new Token(TokenKind.Regex, s[start..i], start, i));
                }
                else if (char.IsDigit(c))
                {
                    var start = i;
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '.' or '_'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Number, s[start..i], start, i));
                }
                else if (char.IsLetter(c) || c is '_' or '$' || c > 127)
                {
                    var start = i;
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '$' || s[i] > 127))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Identifier, s[start..i], start, i));
                }
                else
                {
                    // Multi-character operators matter only where they change what follows: "=>", "...", "?.".
                    var length = s.AsSpan(i).StartsWith("...") ? 3 : s.AsSpan(i).StartsWith("=>") || s.AsSpan(i).StartsWith("?.") ? 2 : 1;
                    tokens.Add(new Token(TokenKind.Punctuation, s.Substring(i, length), i, i + length));
                    i += length;
                }
            }

            return tokens;
        }

        /// <summary>A <c>/</c> starts a regular expression where an operand is expected (ECMA-262 §12.1's goal symbols, approximated).</summary>
        private static bool StartsRegex(List<Token> tokens)
        {
            if (tokens.Count == 0)
            {
                return true;
            }

            var last = tokens[^1];
            return last.Kind == TokenKind.Punctuation ? last.Text is not (")" or "]" or "}") : last.Kind == TokenKind.Identifier && last.Text is "return" or "typeof" or "case";
        }

        private static void SkipRegex(string s, ref int i)
        {
            var inClass = false;
            i++;
            while (i < s.Length && s[i] != '\n')
            {
                var c = s[i++];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '[')
                {
                    inClass = true;
                }
                else if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '/' && !inClass)
                {
                    break;
                }
            }

            while (i < s.Length && char.IsLetter(s[i]))
            {
                i++;
            }
        }

        private static string ReadQuoted(string s, ref int i, char quote)
        {
            var builder = new StringBuilder();
            i++;
            while (i < s.Length && s[i] != quote && s[i] != '\n')
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    i++;
                    builder.Append(Unescape(s, ref i));
                    continue;
                }

                builder.Append(s[i++]);
            }

            i = Math.Min(i + 1, s.Length);
            return builder.ToString();
        }

        private static string ReadTemplate(string s, ref int i, out bool substitution)
        {
            substitution = false;
            var builder = new StringBuilder();
            i++;
            while (i < s.Length && s[i] != '`')
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    i++;
                    builder.Append(Unescape(s, ref i));
                    continue;
                }

                if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '{')
                {
                    substitution = true;
                    var depth = 0;
                    while (i < s.Length)
                    {
                        if (s[i] == '{')
                        {
                            depth++;
                        }
                        else if (s[i] == '}' && --depth == 0)
                        {
                            i++;
                            break;
                        }

                        i++;
                    }

                    continue;
                }

                builder.Append(s[i++]);
            }

            i = Math.Min(i + 1, s.Length);
            return builder.ToString();
        }

        private static string Unescape(string s, ref int i)
        {
            var c = s[i++];
            switch (c)
            {
                case 'n': return "\n";
                case 't': return "\t";
                case 'r': return "\r";
                case '0': return "\0";
                case 'u' when i + 4 <= s.Length && int.TryParse(s.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    i += 4;
                    return ((char)code).ToString();
                case '\n': return string.Empty;
                default: return c.ToString();
            }
        }
    }

    private sealed class Parser(string source, List<Token> tokens)
    {
        private readonly Dictionary<string, JavaScriptLiteral> _bindings = new(StringComparer.Ordinal);
        private int _depth;

        /// <summary>Reads the top-level <c>const NAME = literal</c> bindings (brace depth 0), for shorthand properties.</summary>
        public void ReadBindings()
        {
            var depth = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Kind == TokenKind.Punctuation)
                {
                    depth += token.Text is "{" or "[" or "(" ? 1 : token.Text is "}" or "]" or ")" ? -1 : 0;
                    continue;
                }

                if (depth != 0 || token.Kind != TokenKind.Identifier || token.Text is not ("const" or "let" or "var") || i + 2 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Identifier)
                {
                    continue;
                }

                // const name: Type = value  (a TypeScript annotation is skipped up to the '=').
                var name = tokens[i + 1].Text;
                var position = i + 2;
                if (tokens[position].Text == ":")
                {
                    while (position < tokens.Count && tokens[position].Text is not ("=" or ";"))
                    {
                        position++;
                    }
                }

                if (position < tokens.Count && tokens[position].Text == "=" && tokens[position].Kind == TokenKind.Punctuation)
                {
                    position++;
                    _bindings.TryAdd(name, ParseValue(ref position));
                }
            }
        }

        public JavaScriptLiteral ParseValue(ref int i)
        {
            if (i >= tokens.Count)
            {
                return Computed(string.Empty);
            }

            var start = i;
            JavaScriptLiteral value;
            var token = tokens[i];
            _depth++;
            try
            {
                if (_depth > 64)
                {
                    value = Computed(SkipExpression(ref i, start));
                }
                else if (token.Kind == TokenKind.Punctuation && token.Text == "{")
                {
                    value = ParseObject(ref i);
                }
                else if (token.Kind == TokenKind.Punctuation && token.Text == "[")
                {
                    value = ParseArray(ref i);
                }
                else if (token.Kind == TokenKind.Punctuation && token.Text == "(" && !IsArrowFunction(i))
                {
                    // ({...}) as in the JSDoc cast /** @type {Options} */ ({ ... }).
                    i++;
                    value = ParseValue(ref i);
                    if (i < tokens.Count && tokens[i].Text == ")")
                    {
                        i++;
                    }
                    else
                    {
                        value = Computed(SkipExpression(ref i, start));
                    }
                }
                else if (token.Kind == TokenKind.String || (token.Kind == TokenKind.Template && !token.HasSubstitution))
                {
                    value = new JavaScriptLiteral(JavaScriptLiteralKind.StringLiteral, token.Text);
                    i++;
                }
                else if (token.Kind == TokenKind.Number)
                {
                    value = new JavaScriptLiteral(JavaScriptLiteralKind.NumberLiteral, token.Text);
                    i++;
                }
                else if (token.Kind == TokenKind.Identifier && token.Text is "true" or "false")
                {
                    value = new JavaScriptLiteral(JavaScriptLiteralKind.BooleanLiteral, token.Text);
                    i++;
                }
                else if (token.Kind == TokenKind.Identifier && token.Text is "null" or "undefined")
                {
                    value = new JavaScriptLiteral(JavaScriptLiteralKind.NullLiteral, token.Text);
                    i++;
                }
                else if (token.Kind == TokenKind.Identifier && IsEnd(i + 1) && _bindings.TryGetValue(token.Text, out var bound))
                {
                    value = bound;
                    i++;
                }
                else
                {
                    return Computed(SkipExpression(ref i, start));
                }

                // TypeScript's "as const" / "satisfies T" do not change the value; any other operator makes it computed.
                while (i + 1 < tokens.Count && tokens[i].Kind == TokenKind.Identifier && tokens[i].Text is "as" or "satisfies")
                {
                    i += 2;
                    while (i < tokens.Count && tokens[i].Text == ".")
                    {
                        i += 2;
                    }
                }

                if (!IsEnd(i))
                {
                    return Computed(SkipExpression(ref i, start));
                }

                return value;
            }
            finally
            {
                _depth--;
            }
        }

        private JavaScriptLiteral ParseObject(ref int i)
        {
            var properties = new List<KeyValuePair<string, JavaScriptLiteral>>();
            i++;
            while (i < tokens.Count && tokens[i].Text != "}")
            {
                var token = tokens[i];
                if (token.Text == ",")
                {
                    i++;
                    continue;
                }

                var keyStart = i;
                string? key = token.Kind is TokenKind.Identifier or TokenKind.String or TokenKind.Number ? token.Text : null;
                if (key is null || token.Text == "...")
                {
                    // A spread or a computed key: unknown, skipped.
                    SkipExpression(ref i, keyStart);
                    continue;
                }

                // get/set/async methods: "async key(" or "get key(".
                if (token.Kind == TokenKind.Identifier && token.Text is "async" or "get" or "set" && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Identifier)
                {
                    i++;
                    key = tokens[i].Text;
                }

                i++;
                if (i < tokens.Count && tokens[i].Text == ":")
                {
                    i++;
                    properties.Add(new(key, ParseValue(ref i)));
                }
                else if (i < tokens.Count && tokens[i].Text is "(")
                {
                    // A method: key(...) { ... }
                    properties.Add(new(key, Computed(SkipExpression(ref i, keyStart))));
                }
                else
                {
                    // A shorthand property { baseUrl }: the binding's value, if it is a literal.
                    properties.Add(new(key, _bindings.GetValueOrDefault(key) ?? Computed(key)));
                }
            }

            i = Math.Min(i + 1, tokens.Count);
            return new JavaScriptLiteral(JavaScriptLiteralKind.ObjectLiteral, "{...}") { Properties = properties };
        }

        private JavaScriptLiteral ParseArray(ref int i)
        {
            var items = new List<JavaScriptLiteral>();
            i++;
            while (i < tokens.Count && tokens[i].Text != "]")
            {
                if (tokens[i].Text == ",")
                {
                    i++;
                    continue;
                }

                items.Add(ParseValue(ref i));
            }

            i = Math.Min(i + 1, tokens.Count);
            return new JavaScriptLiteral(JavaScriptLiteralKind.ArrayLiteral, "[...]") { Items = items };
        }

        private bool IsEnd(int i) => i >= tokens.Count || (tokens[i].Kind == TokenKind.Punctuation && tokens[i].Text is "," or "}" or "]" or ")" or ";");

        private bool IsArrowFunction(int i)
        {
            var depth = 0;
            for (var j = i; j < tokens.Count; j++)
            {
                depth += tokens[j].Text == "(" ? 1 : tokens[j].Text == ")" ? -1 : 0;
                if (depth == 0)
                {
                    return j + 1 < tokens.Count && tokens[j + 1].Text == "=>";
                }
            }

            return false;
        }

        /// <summary>Skips to the end of the expression at <paramref name="i"/> (a <c>,</c> or closing bracket at its own depth) and returns its text.</summary>
        private string SkipExpression(ref int i, int start)
        {
            var depth = 0;
            while (i < tokens.Count)
            {
                var text = tokens[i].Kind == TokenKind.Punctuation ? tokens[i].Text : null;
                if (text is "{" or "[" or "(")
                {
                    depth++;
                }
                else if (text is "}" or "]" or ")")
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (text is "," or ";" && depth == 0)
                {
                    break;
                }

                i++;
            }

            if (i == start && i < tokens.Count)
            {
                i++;
            }

            var end = i > start ? tokens[i - 1].End : tokens[Math.Min(start, tokens.Count - 1)].End;
            return source[tokens[Math.Min(start, tokens.Count - 1)].Start..end].Trim();
        }
    }
}
