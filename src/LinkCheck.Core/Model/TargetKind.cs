namespace LinkCheck.Core.Model;

/// <summary>What a link points at, decided from its syntax alone.</summary>
public enum TargetKind
{
    /// <summary>A file, directory or anchor inside the repository (a relative or root-relative path, or a bare <c>#fragment</c>).</summary>
    Local,

    /// <summary>An <c>http:</c> or <c>https:</c> URL (protocol-relative <c>//host</c> URLs count as <c>https:</c>).</summary>
    Http,

    /// <summary>A <c>mailto:</c> link.</summary>
    Mail,

    /// <summary>Any other scheme (<c>tel:</c>, <c>data:</c>, <c>ftp:</c>, ...): not checked.</summary>
    OtherScheme,

    /// <summary>A destination that cannot be a working link (an <c>http:</c> URL without a host, ...).</summary>
    Invalid,

    /// <summary>An empty destination, <c>[text]()</c>, which links to the page itself.</summary>
    Empty,

    /// <summary>A link a site generator's model resolves (see <see cref="LinkTarget.Site"/> and <c>Sites/</c>).</summary>
    Site,
}
