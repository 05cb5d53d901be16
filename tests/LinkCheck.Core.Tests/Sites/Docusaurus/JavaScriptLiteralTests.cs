using LinkCheck.Core.Sites.Docusaurus;

namespace LinkCheck.Core.Tests.Sites.Docusaurus;

/// <summary>Reading literal values out of JavaScript and TypeScript without running it.</summary>
public class JavaScriptLiteralTests
{
    [Fact]
    public void Parse_ObjectOfLiterals_ReadsEveryValue()
    {
        var value = JavaScriptLiteral.Parse("""
            { url: 'https://x.org', "baseUrl": "/a/", n: 1, ok: true, off: false, none: null, list: ['a', `b`], /* c */ nested: { k: 'v', }, // end
            }
            """);

        Assert.Equal("https://x.org", value["url"]?.AsString);
        Assert.Equal("/a/", value["baseUrl"]?.AsString);
        Assert.Equal(JavaScriptLiteralKind.NumberLiteral, value["n"]?.Kind);
        Assert.True(value["ok"]?.AsBoolean);
        Assert.False(value["off"]?.AsBoolean);
        Assert.Equal(JavaScriptLiteralKind.NullLiteral, value["none"]?.Kind);
        Assert.Equal(["a", "b"], value["list"]!.Items.Select(i => i.AsString));
        Assert.Equal("v", value["nested"]?["k"]?.AsString);
    }

    [Theory]
    [InlineData("process.env.BASE_URL ?? '/'", "process.env.BASE_URL ?? '/'")]
    [InlineData("`/${prefix}/`", "`/${prefix}/`")]
    [InlineData("'/a' + suffix", "'/a' + suffix")]
    [InlineData("getBase()", "getBase()")]
    [InlineData("(x) => x", "(x) => x")]
    [InlineData("isDev ? '/' : '/prod/'", "isDev ? '/' : '/prod/'")]
    public void Parse_Expression_IsComputedWithItsText(string source, string text)
    {
        var value = JavaScriptLiteral.Parse(source);

        Assert.Equal(JavaScriptLiteralKind.Computed, value.Kind);
        Assert.Equal(text, value.Text);
    }

    [Fact]
    public void Parse_ComputedValue_DoesNotHideTheNextProperty()
    {
        var value = JavaScriptLiteral.Parse("""{ a: fn({ x: [1, 2] }, 'y'), b: '/b/', c: /re'gex"/g, d: 'd' }""");

        Assert.Equal(JavaScriptLiteralKind.Computed, value["a"]?.Kind);
        Assert.Equal("/b/", value["b"]?.AsString);
        Assert.Equal(JavaScriptLiteralKind.Computed, value["c"]?.Kind);
        Assert.Equal("d", value["d"]?.AsString);
    }

    [Fact]
    public void FindObject_ShorthandAndTypeScript_FollowsTopLevelConstants()
    {
        var config = JavaScriptLiteral.FindObject("""
            import type {Config} from '@docusaurus/types';
            const baseUrl: string = '/widgets/';
            const url = "https://example.org";
            const config = {
              url,
              baseUrl,
              presets: [['classic', /** @type {import('x').Options} */ ({ docs: { routeBasePath: '/' } }) satisfies Preset.Options]],
              async headTags() { return []; },
              ...shared,
            } satisfies Config;
            export default config;
            """, "baseUrl");

        Assert.NotNull(config);
        Assert.Equal("https://example.org", config["url"]?.AsString);
        Assert.Equal("/widgets/", config["baseUrl"]?.AsString);
        Assert.Equal("/", config["presets"]!.Items[0].Items[1]["docs"]?["routeBasePath"]?.AsString);
        Assert.Equal(JavaScriptLiteralKind.Computed, config["headTags"]?.Kind);
    }

    [Fact]
    public void FindObject_NoMatchingObject_IsNull() =>
        Assert.Null(JavaScriptLiteral.FindObject("module.exports = createConfig();", "baseUrl"));
}
