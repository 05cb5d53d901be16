namespace LinkCheck.Core.Sites;

/// <summary>A site's configuration file cannot be read; the site is then judged as GitHub renders it, with this message as a note.</summary>
public sealed class SiteConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiteConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message naming the file and the problem.</summary>
    public SiteConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SiteConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
