namespace LinkCheck.Cli.Configuration;

/// <summary>The type a configuration key takes.</summary>
internal enum ConfigKeyType
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A list of texts (a single text is a one-item list).</summary>
    TextList,

    /// <summary>A duration: <c>500ms</c>, <c>20s</c>, <c>2m</c>, <c>1d</c>, or a number of seconds.</summary>
    Duration,

    /// <summary>A size: <c>64MB</c>, <c>512KB</c>, or a number of bytes.</summary>
    Size,

    /// <summary>Status codes: <c>200..=299,403</c>, or a list of codes and ranges.</summary>
    StatusCodes,

    /// <summary>The <c>hosts:</c> mapping of per-host settings.</summary>
    Hosts,

    /// <summary>The <c>sites:</c> list of site overrides (<c>root</c>, <c>generator</c>, <c>base-url</c>), or <c>none</c>.</summary>
    Sites,
}
