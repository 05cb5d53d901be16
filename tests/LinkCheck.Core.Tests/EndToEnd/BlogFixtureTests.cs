using LinkCheck.Core.Reporting;
using Microsoft.Extensions.Time.Testing;

namespace LinkCheck.Core.Tests.EndToEnd;

/// <summary>
/// The whole offline pipeline over TestData/blog, a Jekyll-style site with planted broken links; the JSON report
/// must equal Expected/blog.json to the character (positions, messages, suggestions, order, counts).
/// </summary>
public class BlogFixtureTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "blog");

    [Fact]
    public async Task Check_BlogFixture_ReportsExactlyThePlantedProblems()
    {
        var options = new LinkCheckOptions
        {
            RootDirectory = Fixture,
            Offline = true,
            ExcludeUrls = [@"^https://internal\."],
        };

        var report = await new LinkChecker(new FakeTimeProvider()).CheckAsync(options);
        using var json = new StringWriter { NewLine = "\n" };
        await new JsonReporter(json, "test").ReportAsync(report, CancellationToken.None);

        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Expected", "blog.json"));
        Assert.Equal(expected, json.ToString());
    }
}
