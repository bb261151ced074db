using System.Globalization;

namespace LambdaShell;

/// <summary>The wording of the lines the sample adds to a command's output to say how it ended.</summary>
public static class StatusLines
{
    public const string NotRun = "not run: the function's time ran out before this command started";
    public const string TimedOutPrefix = "timed out";
    public const string ErrorPrefix = "error: ";
    public const string CutPrefix = "… ";
    public const string NullCommandKey = "null";
    public const string InputErrorKey = "error";

    public const string OutputLeftOpen =
        "output after the command ended is not shown: a process it started in its own session still holds the output open";

    public static string ExitStatus(int code) => $"exit status {code}";

    public static string TimedOut(TimeSpan after) => string.Create(CultureInfo.InvariantCulture,
        $"{TimedOutPrefix} after {after.TotalSeconds:0.0} s: the command and its processes were stopped {Limits.ReplyMargin.TotalSeconds:0.#} s before the function's deadline, so that this reply could still be sent");

    /// <summary>Stands between the first and the last lines of an output that was too long.</summary>
    public static string Cut(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{CutPrefix}{bytes} bytes cut …");

    public static string Error(string message) => ErrorPrefix + message;

    public static string NotAList(string got) => Error($"expected a JSON list of shell commands, such as [\"echo hello\"], but got {got}");

    public static string NullCommand(int position) => Error($"command {position} is null, not a string; nothing was run for it");
}
