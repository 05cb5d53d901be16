namespace LinkCheck.Fuzz;

/// <summary>
/// An in-process mutation fuzzer without coverage feedback, for machines without afl-fuzz: byte flips, inserted
/// markup tokens, deletions, duplications and splices of the seeds, deterministic from <c>seed</c>.
/// </summary>
public static class MutationFuzzer
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "[", "]", "(", ")", "<", ">", "![", "](", "\\", "&amp;", "&#x", "`", "```\n", "\n", "\r\n", "    ", "> ", "- ", "1. ",
            "#", "|", "---\n", "<a href=\"", "<img src=", "\"", "'", "<!--", "-->", "http://", "www.", "[^1]", "]: ", "<details>",
            "</", "key: ", "- ", "{", "}", ":", "\t", "\u202E", "\0", "${SET}", "..=", "ms", "KB",
        }.Select(System.Text.Encoding.UTF8.GetBytes),
    ];

    /// <summary>Runs <paramref name="count"/> mutated inputs; saves each crashing input under <paramref name="crashDirectory"/>.</summary>
    public static (long Executions, int Crashes) Run(Action<byte[]> target, IReadOnlyList<byte[]> seeds, long count, int seed, string crashDirectory)
    {
        var random = new Random(seed);
        var crashes = 0;
        for (long i = 0; i < count; i++)
        {
            var input = Mutate(seeds.Count == 0 ? [] : seeds[random.Next(seeds.Count)], seeds, random);
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                crashes++;
                Directory.CreateDirectory(crashDirectory);
                var file = Path.Combine(crashDirectory, $"crash-{i}");
                File.WriteAllBytes(file, input);
                Console.Error.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
            }
        }

        return (count, crashes);
    }

    /// <summary>One to eight random edits of <paramref name="input"/>.</summary>
    public static byte[] Mutate(byte[] input, IReadOnlyList<byte[]> seeds, Random random)
    {
        var bytes = new List<byte>(input);
        var edits = random.Next(1, 9);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    var length = Math.Min(random.Next(1, 32), bytes.Count - Math.Min(at, bytes.Count - 1));
                    bytes.RemoveRange(Math.Min(at, bytes.Count - 1), length);
                    break;
                case 3 when bytes.Count > 0:
                    var from = random.Next(bytes.Count);
                    var take = Math.Min(random.Next(1, 64), bytes.Count - from);
                    bytes.InsertRange(at, bytes.GetRange(from, take));
                    break;
                case 4 when seeds.Count > 0:
                    var other = seeds[random.Next(seeds.Count)];
                    var start = random.Next(other.Length + 1);
                    bytes.InsertRange(at, other.Skip(start).Take(random.Next(1, 128)));
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. bytes];
    }
}
