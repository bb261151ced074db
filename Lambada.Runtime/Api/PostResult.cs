using System.Net;

namespace Lambada.Runtime.Api;

/// <summary>How the Runtime API took a <c>/response</c> or <c>/error</c> post.</summary>
internal readonly record struct PostResult(HttpStatusCode? Status, string? Failure)
{
    public static PostResult Accepted { get; } = new(HttpStatusCode.Accepted, null);

    public bool WasAccepted => Failure is null;

    /// <summary>The Runtime API refused the body as too large (413).</summary>
    public bool TooLarge => Status == HttpStatusCode.RequestEntityTooLarge;
}
