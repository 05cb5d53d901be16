namespace LinkCheck.Cli.Configuration;

/// <summary>Where a setting belongs in <c>--help</c>, in the order a user looks for them.</summary>
internal enum SettingGroup
{
    /// <summary>Which files are read.</summary>
    Input,

    /// <summary>Which links are checked and what counts as broken.</summary>
    Checking,

    /// <summary>How external links are requested.</summary>
    Http,

    /// <summary>What is printed and how the run ends.</summary>
    Reports,

    /// <summary>Pull requests, annotations and the other GitHub outputs.</summary>
    GitHub,
}
