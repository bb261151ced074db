namespace Lambada.Runtime.Context;

/// <summary>
/// The host's own records — what was wrong with the Runtime API's input and what the host did about it — on
/// stderr, which Lambda sends to CloudWatch. Lambda's text format, tagged "Lambada host" so they stand apart
/// from the function's own lines.
/// </summary>
internal sealed class HostLog(TextWriter output)
{
    public void Warn(string? requestId, string message) => LambdaLogger.Write(output, requestId, "WARN", "Lambada host: " + message);

    public void Error(string? requestId, string message) => LambdaLogger.Write(output, requestId, "ERROR", "Lambada host: " + message);
}
