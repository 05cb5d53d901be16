namespace LinkCheck.Core.Model;

/// <summary>How a site came to be judged the way it is.</summary>
public enum SiteOrigin
{
    /// <summary>Found from the generator's configuration file (the nearest enclosing site root).</summary>
    Detected,

    /// <summary>Named by the user (<c>sites:</c> in the configuration file, or <c>--site generator=DIR</c>).</summary>
    Configured,

    /// <summary>No site: the files are judged as GitHub renders them.</summary>
    Default,
}
