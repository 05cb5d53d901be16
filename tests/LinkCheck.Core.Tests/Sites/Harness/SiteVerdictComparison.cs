using System.Text;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>linkcheck's verdict on each keyed source link next to what the built site does with it.</summary>
/// <param name="Agreements">Keys where both agree.</param>
/// <param name="Disagreements">One line per key where they differ, or where a key is on one side only.</param>
/// <param name="NotJudged">Keys linkcheck skipped (with its reason), not compared.</param>
public sealed record SiteVerdictComparison(IReadOnlyList<string> Agreements, IReadOnlyList<string> Disagreements, IReadOnlyList<string> NotJudged)
{
    /// <summary>Fails with every disagreeing link listed when linkcheck and the built site differ.</summary>
    public void AssertAgree(int minimumCompared)
    {
        if (Disagreements.Count > 0 || Agreements.Count < minimumCompared)
        {
            var text = new StringBuilder();
            text.AppendLine($"linkcheck and the built site disagree on {Disagreements.Count} link(s) ({Agreements.Count} agree; at least {minimumCompared} expected to be compared):");
            foreach (var line in Disagreements)
            {
                text.AppendLine("  " + line);
            }

            foreach (var line in NotJudged)
            {
                text.AppendLine("  not judged: " + line);
            }

            Assert.Fail(text.ToString());
        }
    }

    /// <summary>True when linkcheck's status means the link works on the site.</summary>
    public static bool Works(LinkStatus status) => status is LinkStatus.Ok or LinkStatus.Warning;
}
