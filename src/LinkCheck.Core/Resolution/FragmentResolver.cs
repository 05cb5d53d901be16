using System.Globalization;
using System.Text.RegularExpressions;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Checks <c>#fragment</c> links into repository files, the way GitHub resolves them:
/// <list type="bullet">
/// <item>Markdown: heading ids (github-slugger), HTML <c>id</c>/<c>name</c>, footnotes. GitHub prefixes ids with
/// <c>user-content-</c> and its page script accepts the fragment with or without the prefix, and in any case; a
/// case-only difference is a warning because other renderers do not forgive it.</item>
/// <item>HTML files: <c>id</c> and <c>name</c> attributes, case-sensitively (HTML §7.4.6.4).</item>
/// <item>Other files, and markdown shown as source (<c>?plain=1</c>): GitHub's line anchors <c>#L10</c>,
/// <c>#L10-L20</c>, <c>#L10C5-L12C3</c>, which must be within the file.</item>
/// <item><c>#</c> and <c>#top</c> always work (HTML §7.4.6.4: "top" scrolls to the top of the document).</item>
/// </list>
/// </summary>
public sealed partial class FragmentResolver : ILinkResolver
{
    private const string GitHubIdPrefix = "user-content-";
    private static readonly string[] ReadmeNames = ["README.md", "readme.md", "Readme.md", "README.markdown", "README"];

    private readonly LocalFileResolver _files;
    private readonly RepositoryFileSystem _fileSystem;
    private readonly AnchorStore _anchors;

    /// <summary>Creates the resolver.</summary>
    public FragmentResolver(LocalFileResolver files, RepositoryFileSystem fileSystem, AnchorStore anchors)
    {
        _files = files;
        _fileSystem = fileSystem;
        _anchors = anchors;
    }

    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) => target.Kind == TargetKind.Local && target.Fragment is not null;

    /// <inheritdoc />
    public ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Check(check.Target));

    /// <summary>The verdict for a local target with a fragment (files and anchors are read synchronously).</summary>
    public Verdict Check(LinkTarget target)
    {
        var failure = _files.Locate(target, out var found);
        if (failure is not null)
        {
            return failure;
        }

        var verdict = Resolve(target, found);
        return verdict.Status == LinkStatus.Ok ? _files.IgnoredWarning(found) ?? verdict : verdict;
    }

    private Verdict Resolve(LinkTarget target, FileLookup found)
    {
        var fragment = target.Fragment!;
        if (fragment.Length == 0 || fragment.Equals("top", StringComparison.OrdinalIgnoreCase))
        {
            return Verdict.Ok;
        }

        if (found.Status == FileLookupStatus.Directory)
        {
            // GitHub shows a directory's README below its listing, so its anchors are reachable.
            var readme = ReadmeNames.Select(n => _fileSystem.Lookup(found.RepositoryPath.Length == 0 ? n : found.RepositoryPath + "/" + n))
                .FirstOrDefault(l => l.Status == FileLookupStatus.File);
            if (readme is null)
            {
                return Verdict.Broken(FindingCode.AnchorNotFound, $"no anchor #{fragment} in {DisplayDirectory(found.RepositoryPath)}: the directory has no README");
            }

            found = readme;
        }

        var document = _anchors.Get(found);
        if (document.Error is not null)
        {
            return Verdict.Broken(FindingCode.TargetUnreadable, $"cannot check #{fragment} in {found.RepositoryPath}: {document.Error}");
        }

        var plain = target.Query is not null && LinkTargetParser.IsPlainQuery(target.Query);
        if (document.Kind == TargetDocumentKind.Other || (plain && document.Kind == TargetDocumentKind.Markdown))
        {
            return LineAnchor(fragment, found.RepositoryPath, document.LineCount, plain);
        }

        return Anchor(fragment, found.RepositoryPath, document);
    }

    private static Verdict Anchor(string fragment, string path, TargetDocument document)
    {
        var anchors = document.Anchors;
        var markdown = document.Kind == TargetDocumentKind.Markdown;
        var id = markdown && fragment.StartsWith(GitHubIdPrefix, StringComparison.Ordinal) ? fragment[GitHubIdPrefix.Length..] : fragment;
        if (anchors.Contains(id))
        {
            return Verdict.Ok;
        }

        var folded = anchors.FindIgnoringCase(id);
        if (folded is not null)
        {
            return markdown
                ? Verdict.Warning(FindingCode.AnchorCase, $"#{fragment} differs in case from the anchor #{folded} in {path} (GitHub ignores the case, other renderers do not)", new Suggestion.ReplaceFragment(folded) { IsCertain = true })
                : Verdict.Broken(FindingCode.AnchorCase, $"no anchor #{fragment} in {path} (#{folded} differs only in case)", new Suggestion.ReplaceFragment(folded) { IsCertain = true });
        }

        if (markdown && StaleDuplicateSuffix(id, anchors) is { } current)
        {
            return Verdict.Broken(FindingCode.AnchorNotFound, $"no heading #{fragment} in {path}: #{current} is the only heading of that name left (a stale duplicate suffix?)", new Suggestion.ReplaceFragment(current) { IsCertain = true });
        }

        var closest = Closest.Find(id, anchors.Anchors);
        var what = markdown ? "heading or anchor" : "anchor";
        return Verdict.Broken(FindingCode.AnchorNotFound, $"no {what} #{fragment} in {path}", closest is null ? null : new Suggestion.ReplaceFragment(closest));
    }

    /// <summary>
    /// GitHub numbers repeated headings <c>name</c>, <c>name-1</c>, <c>name-2</c> (github-slugger). When a link
    /// to <c>name-N</c> finds nothing and exactly one id of that family is left, the duplicate it counted is gone
    /// and the remaining heading is the one meant.
    /// </summary>
    private static string? StaleDuplicateSuffix(string id, Extraction.AnchorIndex anchors)
    {
        var dash = id.LastIndexOf('-');
        if (dash <= 0 || !IsNumber(id.AsSpan(dash + 1)))
        {
            return null;
        }

        // Only the plain name is left: no other numbered heading could be the one meant.
        var name = id[..dash];
        var prefix = name + "-";
        return anchors.Contains(name) && !anchors.Anchors.Any(a => a.StartsWith(prefix, StringComparison.Ordinal) && IsNumber(a.AsSpan(prefix.Length)))
            ? name
            : null;
    }

    private static bool IsNumber(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static Verdict LineAnchor(string fragment, string path, int lineCount, bool plain)
    {
        var match = LinePattern().Match(fragment);
        if (!match.Success)
        {
            return plain
                ? Verdict.Broken(FindingCode.AnchorNotFound, $"#{fragment} is not a line anchor (#L10, #L10-L20), and {path} is shown as source with ?plain=1")
                : new Verdict(LinkStatus.Ok, $"#{fragment} not checked: {path} is not markdown or HTML");
        }

        var first = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var last = match.Groups[3].Success ? int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture) : first;
        var highest = Math.Max(first, last);
        if (first < 1 || highest > lineCount)
        {
            return Verdict.Broken(FindingCode.LineOutOfRange, $"line {highest} is past the end of {path} ({lineCount} {(lineCount == 1 ? "line" : "lines")})");
        }

        return Verdict.Ok;
    }

    private static string DisplayDirectory(string path) => path.Length == 0 ? "the repository root" : path;

    // GitHub's line anchors: L<line>[C<column>][-L<line>[C<column>]].
    [GeneratedRegex(@"^L(\d{1,9})(C\d{1,9})?(?:-L(\d{1,9})(C\d{1,9})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
