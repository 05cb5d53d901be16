using System.Reflection;

namespace LinkCheck.Core;

/// <summary>The version of linkcheck, from the assembly (set once in Directory.Build.props).</summary>
public static class LinkCheckVersion
{
    /// <summary>The version without build metadata, e.g. <c>0.1.0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(LinkCheckVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
