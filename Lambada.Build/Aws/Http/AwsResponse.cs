namespace Lambada.Build.Aws.Http;

internal sealed record AwsResponse(int StatusCode, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
