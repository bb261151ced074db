namespace LambdaShell;

/// <summary>How much output and time <c>lb_runCommand</c> gives its commands, so that the reply always fits and is always sent.</summary>
public static class Limits
{
    /// <summary>
    /// What one command's entry may take in the reply, in JSON bytes (its output counted as
    /// <c>BoundedOutput.Cost</c> does). Of a longer output the first and last halves are kept.
    /// </summary>
    public const int CommandOutputBytes = 1024 * 1024;

    /// <summary>
    /// What all entries together may take in the reply, in JSON bytes. Lambda refuses a synchronous response over
    /// 6 MB; the last MB is left for what the estimate does not see.
    /// </summary>
    public const int ResponseBytes = 5 * 1024 * 1024;

    /// <summary>Kept back from each command's output share for the cut marker and the status lines after it.</summary>
    public const int StatusLinesBytes = 1024;

    /// <summary>
    /// How long before the function's deadline the running command is stopped: enough to stop its processes,
    /// read what is left in the pipe and send a reply of up to <see cref="ResponseBytes"/>.
    /// </summary>
    public static TimeSpan ReplyMargin { get; } = TimeSpan.FromSeconds(2);
}
