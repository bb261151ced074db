namespace Lambada.Build.Aws.ApiGateway;

/// <summary>An HTTP API as GetApis/CreateApi return it.</summary>
internal sealed record HttpApi(string ApiId, string Name)
{
    /// <summary><c>https://{apiId}.execute-api.{region}.amazonaws.com</c>.</summary>
    public string? ApiEndpoint { get; init; }
    public string? ProtocolType { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

internal sealed record ApiIntegration(string IntegrationId)
{
    public string? IntegrationType { get; init; }
    public string? IntegrationUri { get; init; }
    public string? PayloadFormatVersion { get; init; }
    public string? Description { get; init; }
}

internal sealed record ApiRoute(string RouteId, string RouteKey)
{
    /// <summary><c>integrations/{integrationId}</c>.</summary>
    public string? Target { get; init; }
    public string? AuthorizationType { get; init; }
}

internal sealed record ApiStage(string StageName)
{
    public bool? AutoDeploy { get; init; }
}
