using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Tests.Shared;

/// <summary>One request the fake API received.</summary>
public sealed record ApiRequest(string Method, string Path, string Query, string? Authorization, string Body);

/// <summary>An issue the fake API holds.</summary>
public sealed record FakeIssue(int Number, string Title, string Body, string Author, IReadOnlyList<string> Labels, string State, string? StateReason = null);

/// <summary>
/// A fake GitHub REST API on loopback, just large enough for linkcheck: issue comments (paged), check runs, pull
/// request files (paged), repositories, contents, branches, issues (listed with GitHub's filters, created, edited),
/// pull requests, releases and the token's user. It records every
/// request, can refuse comments as a fork's token would, and can rate-limit the first calls to an endpoint.
/// The real Octokit client is pointed at it.
/// </summary>
public sealed class FakeGitHubApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<ApiRequest> _requests = new();
    private readonly Lock _lock = new();
    private long _nextId = 1000;

    private FakeGitHubApi(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    public string BaseUrl => Server.BaseUrl + "/";

    public IReadOnlyList<ApiRequest> Requests => [.. _requests];

    /// <summary>Called for every request as it arrives (the container smoke test logs them).</summary>
    public Action<ApiRequest>? OnRequest { get; set; }

    /// <summary>Comments per issue number: (id, body, author).</summary>
    public Dictionary<int, List<(long Id, string Body, string Author)>> Comments { get; } = [];

    /// <summary>Files per pull request number.</summary>
    public Dictionary<int, List<(string Name, string Status, string? Previous, string? Patch)>> PullFiles { get; } = [];

    /// <summary>Things that exist: "repo o/r", "content o/r@ref:path", "branch o/r@ref", "issue o/r#n", "pull o/r#n", "release o/r@tag".</summary>
    public HashSet<string> Existing { get; } = new(StringComparer.Ordinal);

    /// <summary>Review comments per pull request number: (id, path, position, body).</summary>
    public Dictionary<int, List<(long Id, string Path, int Position, string Body)>> ReviewComments { get; } = [];

    /// <summary>Reviews created, as the JSON bodies received.</summary>
    public List<JsonNode> ReviewBodies { get; } = [];

    /// <summary>Check runs created and updated, as the JSON bodies received.</summary>
    public List<JsonNode> CheckRunBodies { get; } = [];

    /// <summary>The repository's issues (not pull requests), by number, across every repository the fake serves.</summary>
    public List<FakeIssue> Issues { get; } = [];

    /// <summary>When set, issue writes answer 403 (a token without <c>issues: write</c>).</summary>
    public bool ForbidIssues { get; set; }

    /// <summary>
    /// The account a user token acts as: <c>GET /user</c> answers with it. Null (the default) is an installation
    /// token such as <c>GITHUB_TOKEN</c>: <c>GET /user</c> answers 403 and comments are written as github-actions[bot].
    /// </summary>
    public string? UserLogin { get; set; }

    /// <summary>The author of the comments this token writes.</summary>
    public string Author => UserLogin ?? "github-actions[bot]";

    /// <summary>When set, comment writes and reads answer 403 (a fork's read-only token).</summary>
    public bool ForbidComments { get; set; }

    /// <summary>Answer the next N calls with a secondary rate limit (status, Retry-After seconds).</summary>
    public (int Count, int Status, int RetryAfter) RateLimit { get; set; }

    /// <summary>Paths answered with exactly this status, content type and body (a proxy's page, an error object).</summary>
    public Dictionary<string, (int Status, string ContentType, string Body)> RawAnswers { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths answered with a redirect to another URL (to prove the token does not follow).</summary>
    public Dictionary<string, string> Redirects { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeGitHubApi> StartAsync(string address = "127.0.0.7", int port = 0)
    {
        FakeGitHubApi? api = null;
        var server = await LoopbackServer.StartAsync(address, context => api!.HandleAsync(context), port: port);
        api = new FakeGitHubApi(server);
        return api;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var seen = new ApiRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body);
        _requests.Enqueue(seen);
        OnRequest?.Invoke(seen);

        var path = request.Path.Value!.TrimEnd('/');
        if (Redirects.TryGetValue(path, out var target))
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = target;
            return;
        }

        if (RawAnswers.TryGetValue(path, out var raw))
        {
            context.Response.StatusCode = raw.Status;
            context.Response.ContentType = raw.ContentType;
            await context.Response.WriteAsync(raw.Body);
            return;
        }

        lock (_lock)
        {
            if (RateLimit.Count > 0)
            {
                RateLimit = RateLimit with { Count = RateLimit.Count - 1 };
                context.Response.StatusCode = RateLimit.Status;
                context.Response.Headers.RetryAfter = RateLimit.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentType = "application/json";
                _ = context.Response.WriteAsync("{\"message\":\"You have exceeded a secondary rate limit.\",\"documentation_url\":\"https://docs.github.com\"}");
                return;
            }
        }

        var s = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (status, json) = Route(request.Method, s, request.Query, body);
        context.Response.StatusCode = status;
        if (json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            if (json is LinkedPage page)
            {
                if (page.Next is not null)
                {
                    context.Response.Headers.Link = $"<{Server.BaseUrl}{path}?{page.Next}>; rel=\"next\"";
                }

                await context.Response.WriteAsync(page.Json.ToJsonString());
            }
            else
            {
                await context.Response.WriteAsync(((JsonNode)json).ToJsonString());
            }
        }
    }

    private sealed record LinkedPage(JsonArray Json, string? Next);

    private (int, object?) Route(string method, string[] s, IQueryCollection query, string body)
    {
        static object NotFound() => new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" };
        if (s is ["user"] && method == "GET")
        {
            return UserLogin is { } login
                ? (200, new JsonObject { ["login"] = login, ["id"] = 583231, ["type"] = "User" })
                : (403, new JsonObject { ["message"] = "Resource not accessible by integration", ["documentation_url"] = "https://docs.github.com/rest/users/users#get-the-authenticated-user" });
        }

        if (s.Length < 3 || s[0] != "repos")
        {
            return (404, NotFound());
        }

        var repo = s[1] + "/" + s[2];
        lock (_lock)
        {
            switch (s.Skip(3).ToArray())
            {
                case []:
                    return Existing.Contains("repo " + repo) ? (200, Repository(s[1], s[2])) : (404, NotFound());
                case ["issues", var n, "comments"] when method == "GET":
                    if (ForbidComments)
                    {
                        return (403, new JsonObject { ["message"] = "Resource not accessible by integration" });
                    }

                    var all = Comments.GetValueOrDefault(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) ?? [];
                    return (200, Page(all.Select(c => (JsonNode)Comment(c.Id, c.Body, c.Author, repo)).ToList(), query));
                case ["issues", var n, "comments"] when method == "POST":
                    if (ForbidComments)
                    {
                        return (403, new JsonObject { ["message"] = "Resource not accessible by integration" });
                    }

                    var number = int.Parse(n, System.Globalization.CultureInfo.InvariantCulture);
                    var id = ++_nextId;
                    var text = JsonNode.Parse(body)!["body"]!.GetValue<string>();
                    if (!Comments.TryGetValue(number, out var list))
                    {
                        Comments[number] = list = [];
                    }

                    list.Add((id, text, Author));
                    return (201, Comment(id, text, Author, repo));
                case ["issues", "comments", var idText] when method == "PATCH":
                    if (ForbidComments)
                    {
                        return (403, new JsonObject { ["message"] = "Resource not accessible by integration" });
                    }

                    var commentId = long.Parse(idText, System.Globalization.CultureInfo.InvariantCulture);
                    var newBody = JsonNode.Parse(body)!["body"]!.GetValue<string>();
                    foreach (var comments in Comments.Values)
                    {
                        var index = comments.FindIndex(c => c.Id == commentId);
                        if (index >= 0)
                        {
                            comments[index] = comments[index] with { Body = newBody };
                            return (200, Comment(commentId, newBody, comments[index].Author, repo));
                        }
                    }

                    return (404, NotFound());
                case ["issues"] when method == "GET":
                    // GitHub's filters: state (open by default), labels (all of a comma-separated list), creator.
                    var state = query["state"].ToString() is { Length: > 0 } st ? st : "open";
                    var labels = query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
                    var creator = query["creator"].ToString();
                    var matching = Issues.Where(i => (state == "all" || i.State == state)
                        && labels.All(l => i.Labels.Contains(l)) && (creator.Length == 0 || i.Author == creator));
                    return (200, Page([.. matching.Select(i => (JsonNode)Issue(i, repo))], query));
                case ["issues"] when method == "POST":
                    if (ForbidIssues)
                    {
                        return (403, new JsonObject { ["message"] = "Resource not accessible by integration" });
                    }

                    var fields = JsonNode.Parse(body)!;
                    var issue = new FakeIssue(
                        Issues.Count == 0 ? 1 : Issues.Max(i => i.Number) + 1,
                        fields["title"]!.GetValue<string>(),
                        fields["body"]?.GetValue<string>() ?? string.Empty,
                        Author,
                        [.. fields["labels"]?.AsArray().Select(l => l!.GetValue<string>()) ?? []],
                        "open");
                    Issues.Add(issue);
                    return (201, Issue(issue, repo));
                case ["issues", var n] when method == "PATCH":
                    if (ForbidIssues)
                    {
                        return (403, new JsonObject { ["message"] = "Resource not accessible by integration" });
                    }

                    var issueIndex = Issues.FindIndex(i => i.Number == int.Parse(n, System.Globalization.CultureInfo.InvariantCulture));
                    if (issueIndex < 0)
                    {
                        return (404, NotFound());
                    }

                    var changes = JsonNode.Parse(body)!;
                    Issues[issueIndex] = Issues[issueIndex] with
                    {
                        Title = changes["title"]?.GetValue<string>() ?? Issues[issueIndex].Title,
                        Body = changes["body"]?.GetValue<string>() ?? Issues[issueIndex].Body,
                        State = changes["state"]?.GetValue<string>() ?? Issues[issueIndex].State,
                        StateReason = changes["state_reason"]?.GetValue<string>() ?? Issues[issueIndex].StateReason,
                    };
                    return (200, Issue(Issues[issueIndex], repo));
                case ["pulls", var n, "comments"] when method == "GET":
                    if (ForbidComments)
                    {
                        return (403, new JsonObject { ["message"] = "Resource not accessible by integration" });
                    }

                    var reviewComments = ReviewComments.GetValueOrDefault(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) ?? [];
                    return (200, Page(reviewComments.Select(c => (JsonNode)ReviewComment(c.Id, c.Path, c.Position, c.Body, repo)).ToList(), query));
                case ["pulls", var n, "reviews"] when method == "POST":
                    if (ForbidComments)
                    {
                        return (403, new JsonObject { ["message"] = "Resource not accessible by integration" });
                    }

                    var pull = int.Parse(n, System.Globalization.CultureInfo.InvariantCulture);
                    var review = JsonNode.Parse(body)!;
                    ReviewBodies.Add(review);
                    if (!ReviewComments.TryGetValue(pull, out var drafts))
                    {
                        ReviewComments[pull] = drafts = [];
                    }

                    foreach (var draft in review["comments"]?.AsArray() ?? [])
                    {
                        drafts.Add((++_nextId, draft!["path"]!.GetValue<string>(), draft["position"]!.GetValue<int>(), draft["body"]!.GetValue<string>()));
                    }

                    return (200, new JsonObject
                    {
                        ["id"] = ++_nextId,
                        ["node_id"] = "PRR_1",
                        ["user"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282, ["type"] = "Bot" },
                        ["body"] = review["body"]?.GetValue<string>(),
                        ["state"] = "COMMENTED",
                        ["commit_id"] = review["commit_id"]?.GetValue<string>(),
                        ["html_url"] = $"https://github.com/{repo}/pull/{n}#pullrequestreview-1",
                    });
                case ["check-runs"] when method == "POST":
                    CheckRunBodies.Add(JsonNode.Parse(body)!);
                    return (201, new JsonObject { ["id"] = 77, ["name"] = "linkcheck", ["status"] = "completed", ["html_url"] = $"https://github.com/{repo}/runs/77" });
                case ["check-runs", var run] when method == "PATCH":
                    CheckRunBodies.Add(JsonNode.Parse(body)!);
                    return (200, new JsonObject { ["id"] = long.Parse(run, System.Globalization.CultureInfo.InvariantCulture), ["name"] = "linkcheck" });
                case ["pulls", var n, "files"]:
                    var files = PullFiles.GetValueOrDefault(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) ?? [];
                    return (200, Page(files.Select(f => (JsonNode)new JsonObject
                    {
                        ["sha"] = "0123456789abcdef",
                        ["filename"] = f.Name,
                        ["status"] = f.Status,
                        ["additions"] = 1,
                        ["deletions"] = 1,
                        ["changes"] = 2,
                        ["patch"] = f.Patch,
                        ["previous_filename"] = f.Previous,
                    }).ToList(), query));
                case ["pulls", var n]:
                    return Existing.Contains($"pull {repo}#{n}") ? (200, new JsonObject { ["id"] = 1, ["number"] = int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), ["state"] = "open" }) : (404, NotFound());
                case ["issues", var n]:
                    return Existing.Contains($"issue {repo}#{n}") ? (200, new JsonObject { ["id"] = 1, ["number"] = int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), ["state"] = "open", ["title"] = "An issue" }) : (404, NotFound());
                case ["releases", "tags", var tag]:
                    return Existing.Contains($"release {repo}@{tag}") ? (200, new JsonObject { ["id"] = 1, ["tag_name"] = tag, ["name"] = tag }) : (404, NotFound());
                case ["branches", var branch]:
                    return Existing.Contains($"branch {repo}@{branch}") ? (200, new JsonObject { ["name"] = branch, ["commit"] = new JsonObject { ["sha"] = "abc" } }) : (404, NotFound());
                case ["contents", .. var rest]:
                    var contentPath = string.Join('/', rest);
                    var reference = query["ref"].ToString();
                    return Existing.Contains($"content {repo}@{reference}:{contentPath}")
                        ? (200, new JsonObject { ["type"] = "file", ["name"] = rest[^1], ["path"] = contentPath, ["sha"] = "abc", ["size"] = 10, ["encoding"] = "base64", ["content"] = "eA==" })
                        : (404, NotFound());
                default:
                    return (404, NotFound());
            }
        }
    }

    private static LinkedPage Page(List<JsonNode> items, IQueryCollection query)
    {
        var perPage = int.TryParse(query["per_page"], out var p) && p > 0 ? p : 30;
        var page = int.TryParse(query["page"], out var n) && n > 0 ? n : 1;
        var slice = new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage).Select(i => i.DeepClone())]);
        var next = page * perPage < items.Count ? $"per_page={perPage}&page={page + 1}" : null;
        return new LinkedPage(slice, next);
    }

    private static JsonObject Comment(long id, string body, string author, string repo) => new()
    {
        ["id"] = id,
        ["node_id"] = "IC_" + id,
        ["url"] = $"https://api.github.com/repos/{repo}/issues/comments/{id}",
        ["html_url"] = $"https://github.com/{repo}/pull/1#issuecomment-{id}",
        ["body"] = body,
        ["created_at"] = "2026-11-26T12:00:00Z",
        ["user"] = new JsonObject { ["login"] = author, ["id"] = 41898282, ["type"] = author.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
        ["author_association"] = "NONE",
    };

    private static JsonObject Issue(FakeIssue issue, string repo) => new()
    {
        ["id"] = 5000 + issue.Number,
        ["node_id"] = "I_" + issue.Number,
        ["number"] = issue.Number,
        ["title"] = issue.Title,
        ["body"] = issue.Body,
        ["state"] = issue.State,
        ["state_reason"] = issue.StateReason,
        ["url"] = $"https://api.github.com/repos/{repo}/issues/{issue.Number}",
        ["html_url"] = $"https://github.com/{repo}/issues/{issue.Number}",
        ["user"] = new JsonObject { ["login"] = issue.Author, ["id"] = 41898282, ["type"] = issue.Author.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
        ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)new JsonObject { ["id"] = 1, ["name"] = l, ["color"] = "ededed" })]),
        ["comments"] = 0,
        ["created_at"] = "2026-11-26T12:00:00Z",
        ["updated_at"] = "2026-11-26T12:00:00Z",
    };

    private static JsonObject ReviewComment(long id, string path, int position, string body, string repo) => new()
    {
        ["id"] = id,
        ["node_id"] = "PRRC_" + id,
        ["path"] = path,
        ["position"] = position,
        ["body"] = body,
        ["commit_id"] = "0123456789abcdef",
        ["original_commit_id"] = "0123456789abcdef",
        ["diff_hunk"] = "@@ -1 +1 @@",
        ["html_url"] = $"https://github.com/{repo}/pull/1#discussion_r{id}",
        ["created_at"] = "2026-11-26T12:00:00Z",
        ["updated_at"] = "2026-11-26T12:00:00Z",
        ["user"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282, ["type"] = "Bot" },
    };

    private static JsonObject Repository(string owner, string name) => new()
    {
        ["id"] = 1,
        ["name"] = name,
        ["full_name"] = owner + "/" + name,
        ["owner"] = new JsonObject { ["login"] = owner, ["id"] = 2 },
        ["private"] = false,
        ["default_branch"] = "main",
    };

    /// <summary>An Octokit handler factory that talks only to loopback and leaves redirects to Octokit.</summary>
    public static Func<HttpMessageHandler> Handler => () =>
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        LoopbackOnly.Apply(handler);
        return handler;
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
