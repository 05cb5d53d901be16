using LinkCheck.Core.Model;

namespace LinkCheck.Core.Planning;

/// <summary>One check to run: a distinct target and every occurrence that shares it.</summary>
/// <param name="Target">The normalised target, checked once.</param>
/// <param name="Occurrences">Every occurrence of the target, in input order.</param>
/// <param name="Indexes">For each occurrence, its position in the list given to the planner.</param>
public sealed record PlannedCheck(LinkTarget Target, IReadOnlyList<LinkOccurrence> Occurrences, IReadOnlyList<int> Indexes);
