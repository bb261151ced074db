using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.ApiGateway;

/// <summary>
/// The API Gateway v2 (HTTP API) operations Lambada uses: rest-json, signing name <c>apigateway</c>, camelCase bodies,
/// lists paged with <c>nextToken</c>. Integration, route and stage are created explicitly (no quick create).
/// </summary>
internal sealed class ApiGatewayClient(AwsHttpClient aws)
{
    /// <summary>Every HTTP API of the region (all pages).</summary>
    public Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellation) => throw new NotImplementedException(aws.GetType().Name);

    /// <summary>CreateApi with <c>protocolType HTTP</c> and the given tags.</summary>
    public Task<HttpApi> CreateApiAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation) => throw new NotImplementedException();

    public Task DeleteApiAsync(string apiId, CancellationToken cancellation) => throw new NotImplementedException();

    public Task<IReadOnlyList<ApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellation) => throw new NotImplementedException();

    /// <summary>An <c>AWS_PROXY</c> integration with payload format 2.0 for the function ARN.</summary>
    public Task<ApiIntegration> CreateIntegrationAsync(string apiId, string functionArn, string description, CancellationToken cancellation) => throw new NotImplementedException();

    public Task DeleteIntegrationAsync(string apiId, string integrationId, CancellationToken cancellation) => throw new NotImplementedException();

    public Task<IReadOnlyList<ApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellation) => throw new NotImplementedException();

    /// <param name="target"><c>integrations/{integrationId}</c>.</param>
    public Task<ApiRoute> CreateRouteAsync(string apiId, string routeKey, string target, string authorizationType, CancellationToken cancellation) => throw new NotImplementedException();

    /// <summary>PATCH of the route's target and authorization type.</summary>
    public Task<ApiRoute> UpdateRouteAsync(string apiId, string routeId, string target, string authorizationType, CancellationToken cancellation) => throw new NotImplementedException();

    public Task DeleteRouteAsync(string apiId, string routeId, CancellationToken cancellation) => throw new NotImplementedException();

    public Task<IReadOnlyList<ApiStage>> GetStagesAsync(string apiId, CancellationToken cancellation) => throw new NotImplementedException();

    public Task<ApiStage> CreateStageAsync(string apiId, string stageName, bool autoDeploy, CancellationToken cancellation) => throw new NotImplementedException();
}
