using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.ApiGateway;

/// <summary>
/// The API Gateway v2 (HTTP API) operations Lambada uses: rest-json, signing name <c>apigateway</c>, camelCase bodies,
/// lists paged with <c>nextToken</c>. Integration, route and stage are created explicitly (no quick create).
/// Success is any 2xx (AWS answers 201 to the creates, moto 200).
/// </summary>
internal sealed class ApiGatewayClient(AwsHttpClient aws)
{
    private const string Apis = "/v2/apis";

    /// <summary>How many items one list page asks for (<c>maxResults</c>); the pages are followed until no <c>nextToken</c>.</summary>
    public const int PageSize = 100;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Every HTTP API of the region (all pages).</summary>
    public Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellation) =>
        ListAsync<HttpApi>("GetApis", Apis, cancellation);

    /// <summary>CreateApi with <c>protocolType HTTP</c> and the given tags.</summary>
    public Task<HttpApi> CreateApiAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation) =>
        CallAsync<HttpApi>("CreateApi", "POST", Apis, cancellation, new CreateApiBody(name, "HTTP", tags));

    public Task DeleteApiAsync(string apiId, CancellationToken cancellation) =>
        SendAsync("DeleteApi", "DELETE", Api(apiId), cancellation, null, mutates: true);

    public Task<IReadOnlyList<ApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellation) =>
        ListAsync<ApiIntegration>("GetIntegrations", Api(apiId) + "/integrations", cancellation);

    /// <summary>An <c>AWS_PROXY</c> integration with payload format 2.0 for the function ARN.</summary>
    public Task<ApiIntegration> CreateIntegrationAsync(string apiId, string functionArn, string description, CancellationToken cancellation) =>
        CallAsync<ApiIntegration>("CreateIntegration", "POST", Api(apiId) + "/integrations", cancellation,
            new CreateIntegrationBody("AWS_PROXY", functionArn, "2.0", description));

    public Task DeleteIntegrationAsync(string apiId, string integrationId, CancellationToken cancellation) =>
        SendAsync("DeleteIntegration", "DELETE", $"{Api(apiId)}/integrations/{UriEncoding.Encode(integrationId)}", cancellation, null, mutates: true);

    public Task<IReadOnlyList<ApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellation) =>
        ListAsync<ApiRoute>("GetRoutes", Api(apiId) + "/routes", cancellation);

    /// <param name="target"><c>integrations/{integrationId}</c>.</param>
    public Task<ApiRoute> CreateRouteAsync(string apiId, string routeKey, string target, string authorizationType, CancellationToken cancellation) =>
        CallAsync<ApiRoute>("CreateRoute", "POST", Api(apiId) + "/routes", cancellation, new RouteBody(routeKey, target, authorizationType));

    /// <summary>PATCH of the route's target and authorization type.</summary>
    public Task<ApiRoute> UpdateRouteAsync(string apiId, string routeId, string target, string authorizationType, CancellationToken cancellation) =>
        CallAsync<ApiRoute>("UpdateRoute", "PATCH", $"{Api(apiId)}/routes/{UriEncoding.Encode(routeId)}", cancellation,
            new RouteBody(null, target, authorizationType));

    public Task DeleteRouteAsync(string apiId, string routeId, CancellationToken cancellation) =>
        SendAsync("DeleteRoute", "DELETE", $"{Api(apiId)}/routes/{UriEncoding.Encode(routeId)}", cancellation, null, mutates: true);

    public Task<IReadOnlyList<ApiStage>> GetStagesAsync(string apiId, CancellationToken cancellation) =>
        ListAsync<ApiStage>("GetStages", Api(apiId) + "/stages", cancellation);

    public Task<ApiStage> CreateStageAsync(string apiId, string stageName, bool autoDeploy, CancellationToken cancellation) =>
        CallAsync<ApiStage>("CreateStage", "POST", Api(apiId) + "/stages", cancellation, new CreateStageBody(stageName, autoDeploy));

    /// <summary>Every item of a list operation: <c>?maxResults=</c>, then <c>&amp;nextToken=</c> as long as a page names one.</summary>
    private async Task<IReadOnlyList<T>> ListAsync<T>(string operation, string path, CancellationToken cancellation)
    {
        var all = new List<T>();
        string? token = null;
        do
        {
            var query = "maxResults=" + PageSize.ToString(CultureInfo.InvariantCulture) + (token is null ? "" : "&nextToken=" + UriEncoding.Encode(token));
            var response = await SendAsync(operation, "GET", path, cancellation, null, mutates: false, query).ConfigureAwait(false);
            var page = Parse<Page<T>>(operation, response);
            all.AddRange(page.Items ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);
        return all;
    }

    private async Task<T> CallAsync<T>(string operation, string method, string path, CancellationToken cancellation, object body)
    {
        var response = await SendAsync(operation, method, path, cancellation, body, mutates: true).ConfigureAwait(false);
        return Parse<T>(operation, response);
    }

    private static T Parse<T>(string operation, AwsResponse response)
    {
        try
        {
            return (response.Body.Length == 0 ? default : JsonSerializer.Deserialize<T>(response.Body, Json))
                   ?? throw Malformed(operation, response, "an empty body");
        }
        catch (JsonException e)
        {
            throw Malformed(operation, response, $"a body that is not the expected JSON ({e.Message})");
        }
    }

    private static AwsServiceException Malformed(string operation, AwsResponse response, string what) =>
        new(operation, "EmptyResponse", $"API Gateway answered with {what}", response.StatusCode, response.Header("x-amzn-RequestId"));

    private Task<AwsResponse> SendAsync(string operation, string method, string path, CancellationToken cancellation,
        object? body, bool mutates, string query = "")
    {
        var request = new AwsRequest(operation, AwsService.ApiGateway, method, path)
        {
            Query = query,
            Mutates = mutates,
            Body = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json),
            ContentType = body is null ? null : "application/json",
        };
        return aws.SendAsync(request, cancellation);
    }

    private static string Api(string apiId) => $"{Apis}/{UriEncoding.Encode(apiId)}";

    private sealed record Page<T>(IReadOnlyList<T>? Items, string? NextToken);

    private sealed record CreateApiBody(string Name, string ProtocolType, IReadOnlyDictionary<string, string> Tags);

    private sealed record CreateIntegrationBody(string IntegrationType, string IntegrationUri, string PayloadFormatVersion, string Description);

    private sealed record RouteBody(string? RouteKey, string Target, string AuthorizationType);

    private sealed record CreateStageBody(string StageName, bool AutoDeploy);
}
