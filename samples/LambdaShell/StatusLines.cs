using System.Globalization;

namespace LambdaShell;

/// <summary>The wording of the lines the sample adds to a command's output to say how it ended.</summary>
public static class StatusLines
{
    public const string NotRun = "not run: the function's time ran out before this command started";
    public const string TimedOutPrefix = "timed out";
    public const string ErrorPrefix = "error: ";

    public static string ExitStatus(int code) => $"exit status {code}";

    public static string TimedOut(TimeSpan after) =>
        string.Create(CultureInfo.InvariantCulture, $"{TimedOutPrefix} after {after.TotalSeconds:0.0} s: the function's time ran out and the command was stopped");

    public static string Error(string message) => ErrorPrefix + message;
}
