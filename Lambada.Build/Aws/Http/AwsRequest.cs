using Lambada.Build.Aws.Configuration;

namespace Lambada.Build.Aws.Http;

/// <summary>
/// One API call before signing. <see cref="Path"/> and <see cref="Query"/> are wire-encoded (see <see cref="Signing.UriEncoding"/>).
/// <see cref="Mutates"/> marks calls that change something, so logs and benchmarks can count them.
/// </summary>
internal sealed record AwsRequest(string Operation, AwsService Service, string Method, string Path)
{
    public string Query { get; init; } = "";
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    public bool Mutates { get; init; }
}
