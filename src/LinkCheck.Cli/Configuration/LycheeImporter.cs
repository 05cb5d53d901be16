using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Filtering;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;
using Tomlyn.Syntax;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// lychee's <c>lychee.toml</c> as a <c>.linkcheck.yml</c>: each lychee key maps to its linkcheck key, or becomes a
/// comment that says why it has no exact equivalent (lychee-bin/src/options.rs names the keys).
/// </summary>
internal static partial class LycheeImporter
{
    /// <summary>
    /// Converts a lychee configuration (TOML), with the patterns of the <c>.lycheeignore</c> beside it: lychee appends
    /// them to <c>exclude</c> (lychee-bin/src/main.rs, <c>load_config</c>), so its <c>include</c> overrides them too.
    /// </summary>
    public static string Import(string toml, string source, IReadOnlyList<string>? ignoreFile = null)
    {
        // The syntax tree first: it says where a mistake is (and where each exclude_path pattern is written).
        var syntax = TomlProblem.Parse(toml, source, "--import: ");
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize(toml, TomlModelContext.Default.TomlTable)!;
        }
        catch (TomlException e)
        {
            // Valid syntax the table model still refuses: its position, and its reason without the converter's names.
            var where = e.Span is { } span ? $":{span.Start.Line + 1}:{span.Start.Column + 1}" : string.Empty;
            var reason = e.Message.Split("Reason:", 2)[^1].Split('\n')[0];
            throw new LinkCheckConfigurationException($"--import: {source}{where}: not valid TOML: {TomlProblem.Describe(ParserPosition().Replace(reason, string.Empty).Trim(), [])}", e);
        }

        var yaml = new ImportedYaml(source, "lychee");
        var lycheeIncludes = new List<string>();
        foreach (var (key, value) in table)
        {
            switch (key)
            {
                case "exclude":
                    yaml.List("exclude", Strings(value));
                    break;
                case "include":
                    // Not linkcheck's include (which restricts the run): in lychee an include only overrides the
                    // excludes (lychee-lib/src/filter/mod.rs, Filter::is_excluded). Applied to them below.
                    lycheeIncludes.AddRange(Strings(value));
                    break;
                case "format":
                    var format = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                    if (format is "markdown" or "json")
                    {
                        yaml.Text("format", format);
                    }
                    else
                    {
                        yaml.Unsupported(key, value, "linkcheck's formats are text, json, sarif, markdown and junit; its text report is the default");
                    }

                    break;
                case "exclude_path":
                    yaml.List("exclude-path", ExcludePaths(Strings(value), ItemLines(syntax, key), source), "from exclude_path: lychee's regular expressions, each as the glob that excludes the same files");
                    break;
                case "exclude_mail":
                    if (value is true)
                    {
                        yaml.List("exclude", ["^mailto:"], "from exclude_mail = true");
                    }

                    break;
                case "exclude_all_private":
                    yaml.Value("exclude-private", value);
                    yaml.Value("exclude-loopback", value);
                    break;
                case "exclude_private" or "exclude_link_local":
                    yaml.Value("exclude-private", value, key == "exclude_link_local" ? "linkcheck's exclude-private covers link-local addresses too" : null);
                    break;
                case "exclude_loopback":
                    yaml.Value("exclude-loopback", value);
                    break;
                case "max_redirects":
                    yaml.Value("max-redirects", value);
                    break;
                case "max_retries":
                    yaml.Value("max-retries", value);
                    break;
                case "max_concurrency":
                    yaml.Value("max-concurrency", value);
                    break;
                case "timeout":
                    yaml.Text("timeout", Seconds(value));
                    break;
                case "user_agent":
                    yaml.Text("user-agent", Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case "accept":
                    yaml.Text("accept", string.Join(',', Strings(value)));
                    break;
                case "remap":
                    yaml.List("remap", Strings(value));
                    break;
                case "offline":
                    yaml.Value("offline", value);
                    break;
                case "cache":
                    yaml.Value("cache", value);
                    break;
                case "max_cache_age":
                    yaml.Text("max-cache-age", Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case "include_fragments":
                    yaml.Value("remote-fragments", value, "linkcheck checks fragments of external pages by default");
                    break;
                case "no_ignore":
                    yaml.Value("gitignore", value is bool b ? !b : value);
                    break;
                case "root_dir":
                    var rootDir = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                    if (Path.IsPathRooted(rootDir))
                    {
                        yaml.Unsupported(key, value, "an absolute path works on one machine only: linkcheck's root-dir is relative to this file, and defaults to the git work tree");
                    }
                    else
                    {
                        yaml.Text("root-dir", rootDir);
                    }

                    break;
                case "output":
                    yaml.Text("output", Convert.ToString(value, CultureInfo.InvariantCulture)!, "linkcheck writes its own report formats here: see format (text, json, sarif, markdown, junit)");
                    break;
                case "no_progress":
                    yaml.Value("progress", value is bool np ? !np : value);
                    break;
                case "verbose":
                    yaml.Unsupported(key, value, "use --verbose or --quiet");
                    break;
                case "headers" or "header":
                    yaml.Unsupported(key, "(not copied: headers may hold credentials)", "lychee sends these headers to every host; linkcheck sends headers to one host only: add them under hosts: HOST: headers:, with secrets as ${VARIABLE}");
                    break;
                case "basic_auth":
                    yaml.Unsupported(key, "(not copied: it holds credentials)", "add hosts: HOST: headers: Authorization: 'Basic ${VARIABLE}'");
                    break;
                case "github_token":
                    yaml.Unsupported(key, "(not copied)", "linkcheck reads GITHUB_TOKEN or --github-token; never put a token in a file");
                    break;
                case "threads":
                    yaml.Unsupported(key, value, "linkcheck parses on every core; max-concurrency limits requests");
                    break;
                case "scheme":
                    yaml.List("scheme", Strings(value));
                    break;
                case "require_https":
                    yaml.Value("require-https", value);
                    break;
                case "method" when Convert.ToString(value, CultureInfo.InvariantCulture)?.ToLowerInvariant() is "get" or "head":
                    yaml.Text("method", Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant());
                    break;
                case "base" or "base_url":
                    yaml.Unsupported(key, value, "linkcheck resolves '/' links against the repository root (root-dir)");
                    break;
                case "include_verbatim":
                    yaml.Unsupported(key, value, "linkcheck never checks links inside code");
                    break;
                case "skip_missing":
                    yaml.Unsupported(key, value, "a missing path is a usage error (exit code 2) in linkcheck");
                    break;
                case "insecure":
                    yaml.Value("insecure", value);
                    break;
                case "retry_wait_time":
                    yaml.Unsupported(key, value, "linkcheck backs off exponentially from 1 s and honours Retry-After; see max-retry-wait");
                    break;
                default:
                    yaml.Unsupported(key, value, "no equivalent in linkcheck");
                    break;
            }
        }

        if (ignoreFile is { Count: > 0 })
        {
            yaml.List("exclude", ignoreFile, $"with the {ignoreFile.Count} pattern{(ignoreFile.Count == 1 ? string.Empty : "s")} of {LinkChecker.LycheeIgnoreFileName} beside it (delete that file once this one is in place: linkcheck reads it too, without lychee's include)");
        }

        if (lycheeIncludes.Count > 0)
        {
            // Each exclude becomes "this exclude, unless an include matches": lychee's meaning, exactly.
            var unless = string.Join('|', lycheeIncludes.Select(i => $".*(?:{i})"));
            if (!yaml.Rewrite("exclude", e => $"^(?!{unless}).*(?:{e})", $"lychee's include ({string.Join(", ", lycheeIncludes)}) overrides these excludes; it does not restrict the run"))
            {
                yaml.Unsupported("include", "[" + string.Join(", ", lycheeIncludes) + "]", "in lychee an include only overrides excludes, and there are none");
            }
        }

        return yaml.ToString();
    }

    /// <summary>
    /// lychee's <c>.lycheeignore</c> as a <c>.linkcheck.yml</c>: every pattern, as lychee reads it (see
    /// <see cref="IgnoreFileLines.Lychee"/>), into <c>exclude</c>. A pattern .NET cannot compile is refused with its
    /// line, rather than carried over into a file linkcheck would then refuse to load.
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">The file is not UTF-8, or a line is not a regular expression .NET accepts.</exception>
    public static string ImportIgnoreFile(byte[] bytes, string source)
    {
        var patterns = IgnorePatterns(bytes, source);
        var yaml = new ImportedYaml(source, "lychee");
        if (patterns.Count > 0)
        {
            yaml.List("exclude", patterns, $"from {Path.GetFileName(source)}: one regular expression a line, as lychee reads them (not trimmed)");
        }

        return yaml.ToString();
    }

    /// <summary>The patterns of a <c>.lycheeignore</c>, each checked to compile in .NET.</summary>
    /// <exception cref="LinkCheckConfigurationException">The file is not UTF-8, or a line is not a regular expression .NET accepts.</exception>
    public static List<string> IgnorePatterns(byte[] bytes, string source)
    {
        var patterns = IgnoreFileLines.Lychee(bytes, "--import: " + source);
        foreach (var (line, pattern) in patterns)
        {
            try
            {
                UrlPattern.Validate(pattern, "exclude");
            }
            catch (LinkCheckConfigurationException e)
            {
                throw new LinkCheckConfigurationException($"--import: {source}:{line}: {e.Message.Split('\n')[0]}: rewrite it in .NET's syntax (or drop it) and import again", e);
            }
        }

        return [.. patterns.Select(p => p.Pattern)];
    }

    /// <summary>Each exclude_path regular expression as its exact glob (see <see cref="LycheePathPattern"/>), or one clear refusal.</summary>
    /// <exception cref="LinkCheckConfigurationException">A pattern has no exact glob.</exception>
    private static List<string> ExcludePaths(List<string> patterns, List<int> lines, string source)
    {
        var globs = new List<string>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var (glob, why) = LycheePathPattern.ToGlob(patterns[i]);
            if (glob is null)
            {
                var line = i < lines.Count ? lines[i] : lines.Count > 0 ? lines[0] : 1;
                throw new LinkCheckConfigurationException(
                    $"--import: {source}:{line}: exclude_path '{patterns[i]}' has no exact linkcheck glob ({why}): write the glob under exclude-path yourself, or use a form the import translates (README, \"Coming from another checker\")");
            }

            globs.Add(glob);
        }

        return globs;
    }

    /// <summary>The line (1-based) of each value of the top-level <paramref name="key"/>: one per array item, or the key's own.</summary>
    private static List<int> ItemLines(DocumentSyntax syntax, string key)
    {
        var entry = syntax.KeyValues.FirstOrDefault(kv => kv.Key?.ToString().Trim().Trim('"', '\'') == key);
        return entry?.Value switch
        {
            ArraySyntax array => [.. array.Items.Select(item => (item.Value?.Span.Start.Line ?? array.Span.Start.Line) + 1)],
            { } single => [single.Span.Start.Line + 1],
            null => [],
        };
    }

    [GeneratedRegex(@"\(\d+,\d+\) : error : ", RegexOptions.CultureInvariant)]
    private static partial Regex ParserPosition();

    private static List<string> Strings(object value) => value switch
    {
        TomlArray array => [.. array.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)],
        _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty],
    };

    private static string Seconds(object value) => value switch
    {
        long seconds => seconds.ToString(CultureInfo.InvariantCulture) + "s",
        double seconds => seconds.ToString(CultureInfo.InvariantCulture) + "s",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "20s",
    };
}


/// <summary>Source-generated TOML metadata for the untyped table model, so importing stays trim-safe in the container build.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext;
