namespace Lambada.Build.Aws.Http;

/// <summary>
/// The function the calls of the current async flow are about, so a retry's progress line can name it although the
/// HTTP layer knows only operations. Set by whoever works on one function; flows into every call awaited below it.
/// </summary>
internal static class RequestSubject
{
    private static readonly AsyncLocal<string?> CurrentSubject = new();

    public static string? Current => CurrentSubject.Value;

    /// <summary>Names <paramref name="subject"/> for the calls made until the returned scope is disposed.</summary>
    public static IDisposable Use(string subject)
    {
        var previous = CurrentSubject.Value;
        CurrentSubject.Value = subject;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentSubject.Value = previous;
    }
}
