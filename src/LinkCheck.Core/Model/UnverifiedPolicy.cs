namespace LinkCheck.Core.Model;

/// <summary>What a link whose server refused a robot (status <c>unverified</c>) does to the run.</summary>
public enum UnverifiedPolicy
{
    /// <summary>Fails the run, like a broken link.</summary>
    Fail,

    /// <summary>Reported as a warning; the run still passes (the default).</summary>
    Warn,

    /// <summary>Counted, but not shown in the text report and never failing the run.</summary>
    Ignore,
}
