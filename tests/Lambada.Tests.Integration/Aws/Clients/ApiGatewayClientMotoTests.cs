using System.Text.Json;
using Lambada.Build.Aws;
using Lambada.Build.Aws.ApiGateway;
using Lambada.Build.Aws.Http;
using Lambada.Testing;

namespace Lambada.Tests.Aws.Clients;

/// <summary>
/// Every API Gateway v2 operation against a real moto_server 5.2.1, each result read back with the AWS CLI
/// (<c>aws apigatewayv2 get-apis / get-integrations / get-routes / get-stages</c>). The client talks through a recording
/// <see cref="FaultProxy"/>, so what was sent is checked too where moto is lenient (reference §6: it answers 200 to the
/// creates and validates nothing).
/// </summary>
[TestClass]
public sealed class ApiGatewayClientMotoTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    private static MotoServer? _moto;
    private static FaultProxy? _proxy;
    private static AwsClients? _clients;

    private static MotoServer Moto => _moto!;
    private static FaultProxy Proxy => _proxy!;
    private static ApiGatewayClient Client => _clients!.ApiGateway;
    private static CancellationToken None => CancellationToken.None;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _moto = MotoServer.Start();
        _proxy = FaultProxy.Start(_moto.Endpoint);
        var environment = new Dictionary<string, string?>(_moto.ClientEnvironment)
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
            ["AWS_ENDPOINT_URL_APIGATEWAYV2"] = _proxy.Endpoint,
        };
        _clients = AwsClients.Create(null, null, name => environment.GetValueOrDefault(name), RetryPolicy.Default, null);
    }

    [ClassCleanup]
    public static void Stop()
    {
        _clients?.Dispose();
        _proxy?.Dispose();
        _moto?.Dispose();
    }

    [TestMethod]
    public void An_API_its_integration_routes_and_stage_are_created_read_back_patched_and_deleted()
    {
        var mutatingBefore = _clients!.Http.MutatingRequests;
        var sentBefore = Proxy.Requests.Count;

        var api = Client.CreateApiAsync("orders-api", new Dictionary<string, string> { ["lambada:project"] = "Orders", ["b c"] = "d" }, None).GetAwaiter().GetResult();
        var integration = Client.CreateIntegrationAsync(api.ApiId, FunctionArn, "lambada: orders", None).GetAwaiter().GetResult();
        var target = "integrations/" + integration.IntegrationId;
        var get = Client.CreateRouteAsync(api.ApiId, "GET /orders/{id}", target, "AWS_IAM", None).GetAwaiter().GetResult();
        var fallback = Client.CreateRouteAsync(api.ApiId, "$default", target, "NONE", None).GetAwaiter().GetResult();
        var stage = Client.CreateStageAsync(api.ApiId, "$default", autoDeploy: true, None).GetAwaiter().GetResult();

        // What the client got back.
        Assert.AreEqual("orders-api", api.Name);
        Assert.AreEqual("HTTP", api.ProtocolType);
        StringAssert.StartsWith(api.ApiEndpoint, $"https://{api.ApiId}.execute-api.us-east-1.amazonaws.com");
        Assert.AreEqual(("AWS_PROXY", FunctionArn, "2.0", "lambada: orders"),
            (integration.IntegrationType, integration.IntegrationUri, integration.PayloadFormatVersion, integration.Description));
        Assert.AreEqual(new ApiRoute(get.RouteId, "GET /orders/{id}") { Target = target, AuthorizationType = "AWS_IAM" }, get);
        Assert.AreEqual(new ApiStage("$default") { AutoDeploy = true }, stage);

        // What an independent client reads.
        var cliApi = Items(Cli("get-apis")).Single(a => a.GetProperty("ApiId").GetString() == api.ApiId);
        Assert.AreEqual("orders-api", cliApi.GetProperty("Name").GetString());
        Assert.AreEqual("HTTP", cliApi.GetProperty("ProtocolType").GetString());
        Assert.AreEqual("Orders", cliApi.GetProperty("Tags").GetProperty("lambada:project").GetString());
        Assert.AreEqual("d", cliApi.GetProperty("Tags").GetProperty("b c").GetString());
        var cliIntegration = Items(Cli("get-integrations", "--api-id", api.ApiId)).Single();
        Assert.AreEqual(integration.IntegrationId, cliIntegration.GetProperty("IntegrationId").GetString());
        Assert.AreEqual("AWS_PROXY", cliIntegration.GetProperty("IntegrationType").GetString());
        Assert.AreEqual(FunctionArn, cliIntegration.GetProperty("IntegrationUri").GetString());
        Assert.AreEqual("2.0", cliIntegration.GetProperty("PayloadFormatVersion").GetString());
        Assert.AreEqual("lambada: orders", cliIntegration.GetProperty("Description").GetString());
        CollectionAssert.AreEquivalent(new[] { "GET /orders/{id}|AWS_IAM|" + target, "$default|NONE|" + target }, CliRoutes(api.ApiId));
        var cliStage = Items(Cli("get-stages", "--api-id", api.ApiId)).Single();
        Assert.AreEqual("$default", cliStage.GetProperty("StageName").GetString());
        Assert.IsTrue(cliStage.GetProperty("AutoDeploy").GetBoolean());

        // Lambada's own reads agree.
        Assert.IsTrue(Client.GetApisAsync(None).GetAwaiter().GetResult().Any(a => a.ApiId == api.ApiId && a.Tags!["lambada:project"] == "Orders"));
        Assert.AreEqual(integration, Client.GetIntegrationsAsync(api.ApiId, None).GetAwaiter().GetResult().Single());
        CollectionAssert.AreEquivalent(new[] { get, fallback }, Client.GetRoutesAsync(api.ApiId, None).GetAwaiter().GetResult().ToArray());
        Assert.AreEqual(stage, Client.GetStagesAsync(api.ApiId, None).GetAwaiter().GetResult().Single());

        // PATCH one route to a second integration and another authorization type; the other route stays.
        var second = Client.CreateIntegrationAsync(api.ApiId, FunctionArn + "-v2", "lambada: orders v2", None).GetAwaiter().GetResult();
        var patched = Client.UpdateRouteAsync(api.ApiId, get.RouteId, "integrations/" + second.IntegrationId, "NONE", None).GetAwaiter().GetResult();
        Assert.AreEqual(new ApiRoute(get.RouteId, "GET /orders/{id}") { Target = "integrations/" + second.IntegrationId, AuthorizationType = "NONE" }, patched);
        CollectionAssert.AreEquivalent(new[] { "GET /orders/{id}|NONE|integrations/" + second.IntegrationId, "$default|NONE|" + target }, CliRoutes(api.ApiId));

        // Deletes, one by one.
        Client.DeleteRouteAsync(api.ApiId, fallback.RouteId, None).GetAwaiter().GetResult();
        CollectionAssert.AreEqual(new[] { "GET /orders/{id}|NONE|integrations/" + second.IntegrationId }, CliRoutes(api.ApiId));
        Client.DeleteIntegrationAsync(api.ApiId, integration.IntegrationId, None).GetAwaiter().GetResult();
        CollectionAssert.AreEqual(new[] { second.IntegrationId },
            Items(Cli("get-integrations", "--api-id", api.ApiId)).Select(i => i.GetProperty("IntegrationId").GetString()).ToArray());
        Client.DeleteApiAsync(api.ApiId, None).GetAwaiter().GetResult();
        Assert.IsFalse(Items(Cli("get-apis")).Any(a => a.GetProperty("ApiId").GetString() == api.ApiId));
        Assert.IsFalse(Client.GetApisAsync(None).GetAwaiter().GetResult().Any(a => a.ApiId == api.ApiId));

        // The wire: explicit integration → routes → stage (no quick create), one mutating request per change, all answered 2xx.
        var sent = Proxy.Requests.Skip(sentBefore).ToList();
        var changes = sent.Where(r => r.Method != "GET").ToList();
        CollectionAssert.AreEqual(new[]
        {
            "POST /v2/apis", $"POST /v2/apis/{api.ApiId}/integrations", $"POST /v2/apis/{api.ApiId}/routes", $"POST /v2/apis/{api.ApiId}/routes",
            $"POST /v2/apis/{api.ApiId}/stages", $"POST /v2/apis/{api.ApiId}/integrations", $"PATCH /v2/apis/{api.ApiId}/routes/{get.RouteId}",
            $"DELETE /v2/apis/{api.ApiId}/routes/{fallback.RouteId}", $"DELETE /v2/apis/{api.ApiId}/integrations/{integration.IntegrationId}",
            $"DELETE /v2/apis/{api.ApiId}",
        }, changes.Select(r => $"{r.Method} {r.Path}").ToArray());
        Assert.AreEqual(changes.Count, _clients.Http.MutatingRequests - mutatingBefore);
        Assert.IsTrue(sent.All(r => r.Status is >= 200 and < 300), string.Join("\n", sent));
        Assert.IsTrue(sent.Where(r => r.Method == "GET").All(r => r.Query == "maxResults=100"), string.Join("\n", sent));
        Assert.AreEqual("""{"name":"orders-api","protocolType":"HTTP","tags":{"lambada:project":"Orders","b c":"d"}}""", changes[0].Body);
        Assert.AreEqual($$"""{"target":"integrations/{{second.IntegrationId}}","authorizationType":"NONE"}""", changes[6].Body);
    }

    [TestMethod]
    public void Reads_mutate_nothing()
    {
        var api = Client.CreateApiAsync("read-only", new Dictionary<string, string>(), None).GetAwaiter().GetResult();
        var mutating = _clients!.Http.MutatingRequests;

        Client.GetApisAsync(None).GetAwaiter().GetResult();
        Client.GetIntegrationsAsync(api.ApiId, None).GetAwaiter().GetResult();
        Client.GetRoutesAsync(api.ApiId, None).GetAwaiter().GetResult();
        Client.GetStagesAsync(api.ApiId, None).GetAwaiter().GetResult();

        Assert.AreEqual(mutating, _clients.Http.MutatingRequests);
        Client.DeleteApiAsync(api.ApiId, None).GetAwaiter().GetResult();
    }

    [TestMethod]
    public void A_missing_API_is_NotFoundException_with_motos_message()
    {
        var error = Assert.ThrowsExactly<AwsServiceException>(() => Client.GetRoutesAsync("nope123", None).GetAwaiter().GetResult());

        Assert.AreEqual(("GetRoutes", "NotFoundException", 404), (error.Operation, error.Code, error.StatusCode));
        StringAssert.Contains(error.AwsMessage, "nope123");
    }

    private static JsonElement Cli(params string[] arguments) => Json(Moto.Aws(["apigatewayv2", .. arguments]));

    private static IEnumerable<JsonElement> Items(JsonElement list) => list.GetProperty("Items").EnumerateArray();

    private static string[] CliRoutes(string apiId) =>
        Items(Cli("get-routes", "--api-id", apiId))
            .Select(r => $"{r.GetProperty("RouteKey").GetString()}|{r.GetProperty("AuthorizationType").GetString()}|{r.GetProperty("Target").GetString()}")
            .ToArray();

    private static JsonElement Json(ProcessResult result)
    {
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var document = JsonDocument.Parse(result.Output[result.Output.IndexOf('{')..]);
        return document.RootElement.Clone();
    }
}
