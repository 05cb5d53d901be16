namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>One link of the built site: its key (the token its text starts with), where it is, and whether it works there.</summary>
/// <param name="Key">The key that pairs it with the source link (<c>J07</c>).</param>
/// <param name="Page">The built page it is on (output-relative).</param>
/// <param name="Href">The href or src as the generator wrote it.</param>
/// <param name="Works">True when the target page or file exists and so does the anchor.</param>
/// <param name="Why">What the crawler found (<c>no file /blog/x.html</c>, <c>no id #setup</c>).</param>
public sealed record CrawledLink(string Key, string Page, string Href, bool Works, string Why);
