using LinkCheck.Core.Model;

namespace LinkCheck.Core.Planning;

/// <summary>One check to run: a distinct target and every occurrence that shares it.</summary>
public sealed record PlannedCheck(LinkTarget Target, IReadOnlyList<LinkOccurrence> Occurrences);
