using LinkCheck.Core.Model;

namespace LinkCheck.Core.Reporting;

/// <summary>Writes a finished report somewhere people look. Each output format is one implementation.</summary>
public interface IReporter
{
    /// <summary>Writes <paramref name="report"/>.</summary>
    Task ReportAsync(CheckReport report, CancellationToken cancellationToken);
}
