namespace Lambada.Runtime.Api;

/// <summary>What one <c>GET /runtime/invocation/next</c> turned out to be; the loop decides what to do with each kind.</summary>
internal abstract record NextAnswer
{
    /// <summary>An event to serve.</summary>
    public sealed record Event(Invocation Invocation) : NextAnswer;

    /// <summary>An invocation with a request id whose event could not be read: it is answered with an error.</summary>
    public sealed record Unreadable(string RequestId, string Reason) : NextAnswer;

    /// <summary>An answer without a request id: nothing can be posted for it.</summary>
    public sealed record Unanswerable(string Reason) : NextAnswer;

    /// <summary><c>/next</c> itself failed: no connection, or a status other than 2xx.</summary>
    public sealed record Failed(string Reason) : NextAnswer;
}
