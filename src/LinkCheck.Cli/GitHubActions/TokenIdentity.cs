using System.Net;
using LinkCheck.Core.Resolution.GitHub;
using Octokit;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// Who the token acts as, so that only comments we wrote are ever edited. Anyone can post a comment that quotes our
/// hidden marker; editing it would replace a stranger's words with our report (or fail with 403 on a real token).
/// A user token (PAT, OAuth) names its account at <c>GET /user</c>
/// (https://docs.github.com/rest/users/users#get-the-authenticated-user). An installation token (the workflow's
/// <c>GITHUB_TOKEN</c>, or another GitHub App's) is refused there with 403 "Resource not accessible by integration";
/// such a token writes as an app, whose login ends in <c>[bot]</c> (<c>github-actions[bot]</c> for
/// <c>GITHUB_TOKEN</c>), a suffix no person's login can have (logins are letters, digits and hyphens).
/// </summary>
internal sealed class TokenIdentity
{
    /// <summary>The author of everything <c>GITHUB_TOKEN</c> writes.</summary>
    public const string ActionsBot = "github-actions[bot]";

    private TokenIdentity(string? login) => Login = login;

    /// <summary>The login of the token's user, or null for an installation (app) token.</summary>
    public string? Login { get; }

    /// <summary>An installation token's identity (what <c>GITHUB_TOKEN</c> is).</summary>
    public static TokenIdentity App { get; } = new(null);

    /// <summary>A user token's identity.</summary>
    public static TokenIdentity User(string login) => new(login);

    /// <summary>Asks the API who the token is.</summary>
    public static async Task<TokenIdentity> ResolveAsync(GitHubApi api, CancellationToken cancellationToken)
    {
        try
        {
            var user = await api.CallAsync(c => c.User.Current(), cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(user?.Login) ? App : new TokenIdentity(user.Login);
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
        {
            return App;
        }
    }

    /// <summary>
    /// Ranks a comment's author: 2 for the token's exact identity (<c>github-actions[bot]</c> for an app token),
    /// 1 for another app when the token is an app token (its slug cannot be read with an installation token), 0 for
    /// anyone else, whose comments are never ours.
    /// </summary>
    public int Match(Octokit.User? author)
    {
        var login = author?.Login;
        if (string.IsNullOrEmpty(login))
        {
            return 0;
        }

        if (Login is not null)
        {
            return string.Equals(login, Login, StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        }

        if (string.Equals(login, ActionsBot, StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        return login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) && author!.Type == AccountType.Bot ? 1 : 0;
    }

    /// <summary>
    /// The item among <paramref name="items"/> that is ours to edit: its body starts with <paramref name="marker"/>
    /// (every body we write does) and its author is this identity (<see cref="Match"/>), the best match first, then
    /// the first in order. Anything by anyone else that quotes the marker is someone's words, never ours.
    /// </summary>
    public T? FindOurs<T>(IEnumerable<T> items, string marker, Func<T, string?> body, Func<T, Octokit.User?> author)
        where T : class =>
        items
            .Where(i => body(i)?.StartsWith(marker, StringComparison.Ordinal) == true)
            .Select(i => (Item: i, Rank: Match(author(i))))
            .Where(i => i.Rank > 0)
            .OrderByDescending(i => i.Rank)
            .Select(i => i.Item)
            .FirstOrDefault();
}
