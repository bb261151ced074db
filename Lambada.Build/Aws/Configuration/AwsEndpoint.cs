namespace Lambada.Build.Aws.Configuration;

/// <summary>Where a service is called, the region its requests are signed for, and where the address came from.</summary>
internal sealed record AwsEndpoint(Uri BaseUri, string SigningRegion, bool IsOverridden)
{
    /// <summary>The variable that set the endpoint (<c>AWS_ENDPOINT_URL_LAMBDA</c>, <c>AWS_ENDPOINT_URL</c>) or "default endpoint for region …".</summary>
    public string Source { get; init; } = "configured";

    /// <summary>The address and its source, as error messages name them.</summary>
    public string Description => $"{BaseUri} ({Source})";
}
