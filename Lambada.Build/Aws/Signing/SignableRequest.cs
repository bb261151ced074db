namespace Lambada.Build.Aws.Signing;

/// <summary>
/// A request as it will go on the wire: <see cref="Path"/> and <see cref="Query"/> already percent-encoded
/// exactly as sent, <see cref="Host"/> with the port when it is not the scheme's default.
/// </summary>
internal sealed record SignableRequest(
    string Method,
    string Host,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
