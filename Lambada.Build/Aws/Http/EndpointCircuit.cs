using System.Collections.Concurrent;

namespace Lambada.Build.Aws.Http;

/// <summary>
/// Remembers the endpoints that stopped answering during this deploy: once one request gave up on an endpoint for want
/// of a connection or an answer, every later request to it fails at once instead of spending the same budget again.
/// </summary>
internal sealed class EndpointCircuit
{
    private readonly ConcurrentDictionary<Uri, AwsServiceException> _open = new();

    public void Open(Uri endpoint, AwsServiceException cause) => _open.TryAdd(endpoint, cause);

    /// <summary>The failure that opened the circuit for <paramref name="endpoint"/>, or null while it is closed.</summary>
    public AwsServiceException? Cause(Uri endpoint) => _open.TryGetValue(endpoint, out var cause) ? cause : null;
}
