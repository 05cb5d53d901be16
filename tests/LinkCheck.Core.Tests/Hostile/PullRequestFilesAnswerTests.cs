using LinkCheck.Core.Changes;

namespace LinkCheck.Core.Tests.Hostile;

/// <summary>Issue 9, point 3: anything but GitHub's list of files is an error, never a shorter selection.</summary>
public sealed class PullRequestFilesAnswerTests : FakeApiTestBase
{
    private const string FilesPath = "/repos/octo/docs/pulls/12/files";

    [Theory]
    [InlineData("text/html", "<html><body>Proxy login</body></html>", "not JSON")]
    [InlineData("application/json", "", "empty body")]
    [InlineData("application/json", "{\"message\":\"weird\"}", "JSON object, not a list of files")]
    [InlineData("application/json", "[{\"sha\":\"1\"}]", "no file name")]
    [InlineData("application/json", "[{\"filename\":42}]", "no file name")]
    [InlineData("application/json", "[\"README.md\"]", "no file name")]
    [InlineData("application/json", "\"README.md\"", "JSON string")]
    public async Task FromPullRequest_AnswerThatIsNotAListOfFiles_IsAnError(string contentType, string body, string expected)
    {
        Api.RawAnswers[FilesPath] = (200, contentType, body);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ChangedFiles.FromPullRequestAsync(CreateApi(), "octo", "docs", 12, default));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromPullRequest_ListOfThreeThousandFiles_IsAnErrorBecauseItMayBeCut()
    {
        Api.PullFiles[12] = [.. Enumerable.Range(0, ChangedFiles.MaxListedFiles).Select(i => ($"f{i}.md", "modified", (string?)null, (string?)null))];

        await Assert.ThrowsAsync<InvalidDataException>(() => ChangedFiles.FromPullRequestAsync(CreateApi(), "octo", "docs", 12, default));
    }

    [Fact]
    public async Task FromPullRequest_ErrorStatus_IsAnApiError()
    {
        Api.RawAnswers[FilesPath] = (502, "text/html", "<html>Bad gateway</html>");

        await Assert.ThrowsAnyAsync<Octokit.ApiException>(() => ChangedFiles.FromPullRequestAsync(CreateApi(), "octo", "docs", 12, default));
    }
}
