using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LinkCheck.Core;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// <c>--help</c> laid out for people: options under the headings of the settings table's groups (input, checking,
/// HTTP, reports, GitHub) in the order a user looks for them, defaults written as users write them (<c>20s</c>,
/// <c>1d</c>, <c>64MB</c>, not <c>00:00:20</c> and <c>67108864</c>); the exit codes follow (<see cref="ExitCodes.Help"/>). System.CommandLine
/// renders each option; this rearranges its output, so every option keeps one definition.
/// </summary>
internal sealed partial class HelpLayout(SynchronousCommandLineAction help, IReadOnlyDictionary<string, string> groupOf) : SynchronousCommandLineAction
{
    private static readonly string[] Headings = ["Input", "Checking", "HTTP", "Reports", "GitHub", "Other"];

    /// <summary>The heading each option goes under, by every alias: the table's group, or the command's own.</summary>
    public static IReadOnlyDictionary<string, string> Groups(IEnumerable<(Option Option, string Group)> options)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, group) in options)
        {
            groups[option.Name] = group;
            foreach (var alias in option.Aliases)
            {
                groups[alias] = group;
            }
        }

        return groups;
    }

    /// <summary>The heading of a settings-table group.</summary>
    public static string Heading(SettingGroup group) => group switch
    {
        SettingGroup.Input => "Input",
        SettingGroup.Checking => "Checking",
        SettingGroup.Http => "HTTP",
        SettingGroup.Reports => "Reports",
        _ => "GitHub",
    };

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var capture = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        configuration.Output = capture;
        int code;
        try
        {
            code = help.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        output.Write(Rearrange(capture.ToString(), groupOf));
        return code;
    }

    /// <summary>Rearranges System.CommandLine's help text (see the class summary).</summary>
    public static string Rearrange(string text, IReadOnlyDictionary<string, string> groupOf)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.IndexOf(lines, "Options:");
        if (start < 0)
        {
            return text;
        }

        // One entry per option: its first line and any continuation lines (wrapped descriptions).
        var entries = new List<List<string>>();
        var end = start + 1;
        for (; end < lines.Length && lines[end].Length > 0; end++)
        {
            if (OptionStart().IsMatch(lines[end]) || entries.Count == 0)
            {
                entries.Add([]);
            }

            entries[^1].Add(Defaults(lines[end]));
        }

        var grouped = entries
            .GroupBy(e => GroupOf(e[0], groupOf))
            .OrderBy(g => Array.IndexOf(Headings, g.Key));
        var result = new StringBuilder();
        foreach (var line in lines[..start])
        {
            result.Append(line).Append('\n');
        }

        foreach (var group in grouped)
        {
            result.Append(group.Key).Append(" options:\n");
            foreach (var line in group.SelectMany(e => e))
            {
                result.Append(line).Append('\n');
            }

            result.Append('\n');
        }

        foreach (var line in lines[end..].SkipWhile(l => l.Length == 0))
        {
            result.Append('\n').Append(line);
        }

        // A blank line before what follows (the exit codes).
        return result.ToString().TrimEnd('\n') + "\n\n";
    }

    private static string GroupOf(string line, IReadOnlyDictionary<string, string> groupOf)
    {
        foreach (Match name in OptionName().Matches(line.Split(" <", 2)[0].Split("  ", 3, StringSplitOptions.RemoveEmptyEntries)[0]))
        {
            if (groupOf.TryGetValue(name.Value, out var group))
            {
                return group;
            }
        }

        return "Other";
    }

    /// <summary>Defaults as users write them: durations (<c>[default: 00:00:20]</c> becomes <c>20s</c>) and sizes in MB or KB.</summary>
    private static string Defaults(string line) => Default().Replace(line, match =>
    {
        var value = match.Groups[1].Value;
        if (line.Contains("<DURATION>", StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration))
        {
            return $"[default: {Durations.Format(duration)}]";
        }

        if (line.Contains("<SIZE>", StringComparison.Ordinal) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
        {
            var size = bytes % (1024 * 1024) == 0 && bytes > 0 ? $"{bytes / (1024 * 1024)}MB" : bytes % 1024 == 0 && bytes > 0 ? $"{bytes / 1024}KB" : $"{bytes}";
            return $"[default: {size}]";
        }

        return match.Value;
    });

    [GeneratedRegex(@"^  -")]
    private static partial Regex OptionStart();

    [GeneratedRegex(@"-{1,2}[A-Za-z?][\w-]*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"\[default: ([^\]]*)\]")]
    private static partial Regex Default();
}
