namespace Lambada.Build.Aws.Configuration;

/// <summary>Where a service is called and the region its requests are signed for.</summary>
public sealed record AwsEndpoint(Uri BaseUri, string SigningRegion, bool IsOverridden);
