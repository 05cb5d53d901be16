
using LinkCheck.Cli.GitHubActions;

namespace LinkCheck.Cli.Tests.GitHubActions;

/// <summary>Escaping exactly as actions/toolkit's command.ts does, on hostile repository text.</summary>
public class WorkflowCommandsTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("a%0A::add-mask::x", "a%250A::add-mask::x")]
    [InlineData("see: here, there", "see: here, there")]
    public void EscapeData_EscapesPercentAndLineBreaks(string input, string expected) =>
        Assert.Equal(expected, WorkflowCommands.EscapeData(input));

    [Theory]
    [InlineData("docs/a.md", "docs/a.md")]
    [InlineData("a%0A::add-mask::x.md", "a%250A%3A%3Aadd-mask%3A%3Ax.md")]
    [InlineData("weird,name:1.md", "weird%2Cname%3A1.md")]
    [InlineData("new\nline.md", "new%0Aline.md")]
    public void EscapeProperty_AlsoEscapesColonAndComma(string input, string expected) =>
        Assert.Equal(expected, WorkflowCommands.EscapeProperty(input));

    [Fact]
    public void Annotation_HostileNamesCannotBreakOut()
    {
        var line = WorkflowCommands.Annotation("error", "a%0A::add-mask::x.md", 3, 5, 9, "Broken link", "https://x/::set-output name=a::b\n##[error]fake");
        Assert.Equal("::error file=a%250A%3A%3Aadd-mask%3A%3Ax.md,line=3,col=5,endColumn=9,title=Broken link::https://x/::set-output name=a::b%0A##[error]fake", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void NewStopToken_IsRandom()
    {
        var a = WorkflowCommands.NewStopToken();
        Assert.NotEqual(a, WorkflowCommands.NewStopToken());
        Assert.Matches("^linkcheck-[0-9a-f]{32}$", a);
    }

    [Fact]
    public void Output_UsesARandomDelimiterSoValuesCannotAddOutputs()
    {
        var text = WorkflowCommands.Output("report", "x\nbroken=0");
        var lines = text.Split('\n');
        Assert.StartsWith("report<<ghadelimiter_", lines[0], StringComparison.Ordinal);
        Assert.Equal(lines[0][8..], lines[3]);
        Assert.Equal(["x", "broken=0"], lines[1..3]);
    }
}
