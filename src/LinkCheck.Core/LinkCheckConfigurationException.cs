namespace LinkCheck.Core;

/// <summary>
/// A usage or configuration error (a missing path, a bad pattern): reported as one clear line and exit code 2,
/// never as a stack trace.
/// </summary>
public sealed class LinkCheckConfigurationException : Exception
{
    /// <summary>Creates the error with its one-line message.</summary>
    public LinkCheckConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its one-line message and cause.</summary>
    public LinkCheckConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error with a default message.</summary>
    public LinkCheckConfigurationException()
        : base("invalid configuration")
    {
    }
}
