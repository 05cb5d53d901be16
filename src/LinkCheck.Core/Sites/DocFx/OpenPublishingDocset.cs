namespace LinkCheck.Core.Sites.DocFx;

/// <summary>One entry of <c>docsets_to_publish</c> in <c>.openpublishing.publish.config.json</c>.</summary>
/// <param name="SourceFolder">The repository folder holding the docset's <c>docfx.json</c> (empty for the root).</param>
/// <param name="OutputSubfolder">Its <c>build_output_subfolder</c>.</param>
/// <param name="QueriesXrefService">True when <c>xref_query_tags</c> lets uids come from other docsets.</param>
/// <param name="HasPrebuild">True when a <c>docset_prebuild</c> task produces files before the build.</param>
public sealed record OpenPublishingDocset(string SourceFolder, string OutputSubfolder, bool QueriesXrefService, bool HasPrebuild);
