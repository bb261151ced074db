using System.Globalization;

namespace Lambada.Runtime.Context;

/// <summary>Lambda's text log format: <c>timestamp&lt;TAB&gt;requestId&lt;TAB&gt;INFO&lt;TAB&gt;message</c>, one record per call.</summary>
internal sealed class LambdaLogger(string requestId, TextWriter output) : ILambadaLogger
{
    public void Log(string message) => Write(output, requestId, "INFO", message);

    /// <summary>Writes one record; <paramref name="requestId"/> is null for a record that belongs to no invocation.</summary>
    public static void Write(TextWriter output, string? requestId, string level, string message)
    {
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        // One write per record; newlines inside become \r so CloudWatch keeps the record whole.
        output.Write($"{timestamp}\t{requestId ?? "-"}\t{level}\t{message.Replace('\n', '\r')}\n");
        output.Flush();
    }
}
