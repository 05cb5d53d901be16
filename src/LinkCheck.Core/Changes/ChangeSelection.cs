using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Changes;


/// <summary>
/// Chooses the files a change can break: the markdown files it changed, and every file that links to a file it
/// changed, renamed or deleted, or to a heading it renamed or removed, even though the change never touched it.
/// </summary>
public static class ChangeSelection
{
    /// <summary>The documents to check, with the reason for each, in path order.</summary>
    public static IReadOnlyList<SelectedFile> Select(IReadOnlyList<DocumentAnalysis> documents, ChangeSet changes)
    {
        var byPath = new Dictionary<string, ChangedFile>(StringComparer.Ordinal);
        foreach (var change in changes.Files)
        {
            byPath[change.Path] = change;
            if (change.PreviousPath is not null)
            {
                byPath[change.PreviousPath] = change;
            }
        }

        var selected = new List<SelectedFile>();
        foreach (var document in documents)
        {
            var path = document.Document.Path;
            if (byPath.TryGetValue(path, out var own) && own.Kind != ChangeKind.Removed && own.Path == path)
            {
                selected.Add(new SelectedFile(path, own.Kind switch
                {
                    ChangeKind.Added => "added by " + changes.Source,
                    ChangeKind.Renamed => $"renamed from {own.PreviousPath} by {changes.Source}",
                    _ => "changed by " + changes.Source,
                }));
                continue;
            }

            var reason = document.Links.Select(l => ReasonFor(l, byPath)).FirstOrDefault(r => r is not null);
            if (reason is not null)
            {
                selected.Add(new SelectedFile(path, reason));
            }
        }

        return selected;
    }

    private static string? ReasonFor(LinkOccurrence link, Dictionary<string, ChangedFile> changes)
    {
        var target = LinkTargetParser.Parse(link.Url, link.Location.File);
        if (target.Kind != TargetKind.Local || target.Path is null || !changes.TryGetValue(target.Path, out var change))
        {
            return null;
        }

        if (change.Kind == ChangeKind.Removed)
        {
            return $"links to {target.Path}, which the change deletes";
        }

        if (change.Kind == ChangeKind.Renamed && target.Path == change.PreviousPath)
        {
            return $"links to {target.Path}, which the change renames to {change.Path}";
        }

        if (target.Fragment is { Length: > 0 } fragment && change.RemovedHeadings?.Contains(fragment, StringComparer.OrdinalIgnoreCase) == true)
        {
            return $"links to #{fragment} in {target.Path}, a heading the change renames or removes";
        }

        return $"links to {target.Path}, which the change modifies";
    }
}
