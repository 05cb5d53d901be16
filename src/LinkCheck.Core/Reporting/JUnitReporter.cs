using System.Globalization;
using System.Text;
using System.Xml;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Reporting;

/// <summary>
/// JUnit XML, which most CI systems display: one test suite per file, one test case per link; what fails the run
/// (broken links, and unverified ones under <c>unverified: fail</c>) is a failure, unreadable files errors, skipped
/// and excluded links skipped; the rest passes, with warnings in its output.
/// </summary>
public sealed class JUnitReporter : IReporter
{
    private readonly TextWriter _writer;

    /// <summary>Creates the reporter.</summary>
    public JUnitReporter(TextWriter writer) => _writer = writer;

    /// <inheritdoc />
    public async Task ReportAsync(CheckReport report, CancellationToken cancellationToken)
    {
        // Written to bytes, not to a StringBuilder: over a string XmlWriter declares encoding="utf-16", which
        // consumers reading the UTF-8 file (Python's ElementTree, junitparser) reject.
        using var bytes = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(bytes, settings))
        {
            var s = report.Summary;
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "linkcheck");
            xml.WriteAttributeString("tests", Number(report.Results.Count));
            // The same verdicts as the exit code: a consumer counting failures must agree with the run.
            bool Failure(LinkResult r) => report.IsFailing(r) && r.Status != LinkStatus.Error;
            xml.WriteAttributeString("failures", Number(report.Results.Count(Failure)));
            xml.WriteAttributeString("errors", Number(s.Errors));
            // Jenkins' schema (junit-4.xsd) has no "skipped" on <testsuites>: each suite carries its own count.
            xml.WriteAttributeString("time", Seconds(s.Duration));
            if (report.Partial)
            {
                xml.WriteComment(" " + PartialReport.Sentence + " ");
            }

            foreach (var file in report.Results.GroupBy(r => r.Location.File, StringComparer.Ordinal))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(file.Key));
                xml.WriteAttributeString("tests", Number(file.Count()));
                xml.WriteAttributeString("failures", Number(file.Count(Failure)));
                xml.WriteAttributeString("errors", Number(file.Count(r => r.Status == LinkStatus.Error)));
                xml.WriteAttributeString("skipped", Number(file.Count(r => r.Status is LinkStatus.Skipped or LinkStatus.Excluded)));
                foreach (var result in file)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", Clean(file.Key));
                    xml.WriteAttributeString("name", Clean($"{result.Location.Line}:{result.Location.Column} {result.Url ?? "(file)"}"));
                    var message = Clean(result.Message ?? string.Empty);
                    switch (result.Status)
                    {
                        case LinkStatus.Broken or LinkStatus.Unverified when Failure(result):
                            xml.WriteStartElement("failure");
                            xml.WriteAttributeString("type", result.Code ?? Names.Of(result.Status));
                            xml.WriteAttributeString("message", message);
                            xml.WriteString(result.Suggestion is null ? message : $"{message}\ndid you mean {Clean(result.Suggestion)}?");
                            xml.WriteEndElement();
                            break;
                        case LinkStatus.Error:
                            xml.WriteStartElement("error");
                            xml.WriteAttributeString("type", result.Code ?? "error");
                            xml.WriteAttributeString("message", message);
                            xml.WriteEndElement();
                            break;
                        case LinkStatus.Skipped or LinkStatus.Excluded:
                            // A text-only element in Jenkins' schema: the reason is its content, not an attribute.
                            xml.WriteElementString("skipped", message);
                            break;
                        case LinkStatus.Warning or LinkStatus.Unverified:
                            xml.WriteElementString("system-out", $"{Names.Of(result.Status)}: {message}");
                            break;
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        await _writer.WriteLineAsync(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>XML 1.0 cannot hold most control characters (§2.2): repository text loses them.</summary>
    private static string Clean(string text) =>
        string.Concat(text.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF')));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
