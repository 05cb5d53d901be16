namespace LinkCheck.Core.Resolution;

/// <summary>The method of the first request for a URL (<c>--method</c>).</summary>
public enum RequestMethod
{
    /// <summary>HEAD, and GET when the server does not implement HEAD or a fragment needs the page (the default).</summary>
    Head,

    /// <summary>GET only: for servers that answer HEAD wrongly in ways that look like an answer.</summary>
    Get,
}
