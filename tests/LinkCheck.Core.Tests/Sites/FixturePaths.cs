namespace LinkCheck.Core.Tests.Sites;

/// <summary>The fixture sites under <c>tests/Sites/</c>, found from the test assembly's folder.</summary>
public static class FixturePaths
{
    /// <summary>The folder <c>tests/Sites/<paramref name="name"/></c>.</summary>
    public static string Of(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Sites", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/Sites/{name} not found above {AppContext.BaseDirectory}");
    }
}
