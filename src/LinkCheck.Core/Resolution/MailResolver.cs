using System.Net.Mail;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Checks <c>mailto:</c> links by syntax only (RFC 6068: comma-separated addresses, then an optional
/// <c>?header=value</c> part); no mail is sent and no server is asked.
/// </summary>
public sealed class MailResolver : ILinkResolver
{
    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) => target.Kind == TargetKind.Mail;

    /// <inheritdoc />
    public ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Check(check.Target.Key));

    /// <summary>The verdict for one <c>mailto:</c> URL.</summary>
    public static Verdict Check(string url)
    {
        var body = url["mailto:".Length..];
        var question = body.IndexOf('?', StringComparison.Ordinal);
        var to = Uri.UnescapeDataString(question < 0 ? body : body[..question]);
        if (to.Length == 0)
        {
            // RFC 6068 §2 allows an empty "to" when the address is in the headers (mailto:?to=...).
            return question >= 0 && body.Contains("to=", StringComparison.OrdinalIgnoreCase)
                ? Verdict.Ok
                : Verdict.Broken(FindingCode.InvalidMail, "mailto: link without an address");
        }

        foreach (var address in to.Split(','))
        {
            var trimmed = address.Trim();
            var at = trimmed.LastIndexOf('@');
            if (!MailAddress.TryCreate(trimmed, out var parsed) || at <= 0 || at == trimmed.Length - 1
                || parsed.Address != trimmed || trimmed.Contains(' ', StringComparison.Ordinal))
            {
                return Verdict.Broken(FindingCode.InvalidMail, $"not a valid e-mail address: {trimmed}");
            }
        }

        return Verdict.Ok;
    }
}
