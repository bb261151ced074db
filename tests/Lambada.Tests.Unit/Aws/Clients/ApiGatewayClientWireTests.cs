using Lambada.Build.Aws.ApiGateway;
using Lambada.Build.Aws.Http;

namespace Lambada.Tests.Aws.Clients;

/// <summary>
/// The exact wire of every API Gateway v2 operation Lambada uses (reference §4; botocore's apigatewayv2 client sends the
/// same method, path and camelCase members): method, path, query, body bytes, Content-Type, the signing scope, and how
/// many of the requests count as mutating. AWS answers the creates 201, moto 200: both are success.
/// </summary>
[TestClass]
public sealed class ApiGatewayClientWireTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders-get";

    [TestMethod]
    [DataRow(201)]
    [DataRow(200)]
    public async Task CreateApi_posts_name_protocolType_HTTP_and_tags_in_camelCase(int status)
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(status,
            """{"apiEndpoint":"https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com","apiId":"a1b2c3d4e5","name":"orders-api","protocolType":"HTTP","routeSelectionExpression":"${request.method} ${request.path}","createdDate":"2026-12-02T06:00:00Z","tags":{"lambada:project":"Orders"}}"""));
        using var clients = server.Clients();

        var api = await clients.ApiGateway.CreateApiAsync("orders-api", new Dictionary<string, string> { ["lambada:project"] = "Orders" }, CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("POST", request.Method);
        Assert.AreEqual("/v2/apis", request.Target);
        Assert.AreEqual("""{"name":"orders-api","protocolType":"HTTP","tags":{"lambada:project":"Orders"}}""", request.BodyText);
        Assert.AreEqual("application/json", request.Header("Content-Type"));
        Assert.AreEqual(new HttpApi("a1b2c3d4e5", "orders-api"), api with { ApiEndpoint = null, ProtocolType = null, Tags = null });
        Assert.AreEqual("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", api.ApiEndpoint);
        Assert.AreEqual("HTTP", api.ProtocolType);
        Assert.AreEqual("Orders", api.Tags!["lambada:project"]);
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task Requests_are_signed_for_the_apigateway_service()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, """{"items":[]}"""));
        using var clients = server.Clients();

        await clients.ApiGateway.GetApisAsync(CancellationToken.None);

        StringAssert.Contains(server.Single.Header("Authorization"), "/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=");
    }

    [TestMethod]
    public async Task CreateIntegration_posts_an_AWS_PROXY_integration_with_payload_format_2_0()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201,
            $$"""{"connectionType":"INTERNET","integrationId":"abc123","integrationMethod":"POST","integrationType":"AWS_PROXY","integrationUri":"{{FunctionArn}}","payloadFormatVersion":"2.0","timeoutInMillis":30000,"description":"lambada: orders-get"}"""));
        using var clients = server.Clients();

        var integration = await clients.ApiGateway.CreateIntegrationAsync("a1b2c3d4e5", FunctionArn, "lambada: orders-get", CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("POST /v2/apis/a1b2c3d4e5/integrations", request.ToString());
        Assert.AreEqual(
            $$"""{"integrationType":"AWS_PROXY","integrationUri":"{{FunctionArn}}","payloadFormatVersion":"2.0","description":"lambada: orders-get"}""",
            request.BodyText);
        Assert.AreEqual(new ApiIntegration("abc123")
        {
            IntegrationType = "AWS_PROXY",
            IntegrationUri = FunctionArn,
            PayloadFormatVersion = "2.0",
            Description = "lambada: orders-get",
        }, integration);
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task CreateRoute_posts_routeKey_target_and_authorizationType()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201,
            """{"apiKeyRequired":false,"authorizationType":"AWS_IAM","routeId":"r1s2t3","routeKey":"GET /orders/{id}","target":"integrations/abc123"}"""));
        using var clients = server.Clients();

        var route = await clients.ApiGateway.CreateRouteAsync("a1b2c3d4e5", "GET /orders/{id}", "integrations/abc123", "AWS_IAM", CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("POST /v2/apis/a1b2c3d4e5/routes", request.ToString());
        Assert.AreEqual("""{"routeKey":"GET /orders/{id}","target":"integrations/abc123","authorizationType":"AWS_IAM"}""", request.BodyText);
        Assert.AreEqual(new ApiRoute("r1s2t3", "GET /orders/{id}") { Target = "integrations/abc123", AuthorizationType = "AWS_IAM" }, route);
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task UpdateRoute_is_a_PATCH_of_target_and_authorizationType_only()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200,
            """{"authorizationType":"NONE","routeId":"r1s2t3","routeKey":"$default","target":"integrations/xyz789"}"""));
        using var clients = server.Clients();

        var route = await clients.ApiGateway.UpdateRouteAsync("a1b2c3d4e5", "r1s2t3", "integrations/xyz789", "NONE", CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("PATCH /v2/apis/a1b2c3d4e5/routes/r1s2t3", request.ToString());
        Assert.AreEqual("""{"target":"integrations/xyz789","authorizationType":"NONE"}""", request.BodyText);
        Assert.AreEqual("application/json", request.Header("Content-Type"));
        Assert.AreEqual("$default", route.RouteKey);
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task CreateStage_posts_stageName_and_autoDeploy()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201,
            """{"autoDeploy":true,"createdDate":"2026-12-02T06:00:00Z","defaultRouteSettings":{},"stageName":"$default","tags":{}}"""));
        using var clients = server.Clients();

        var stage = await clients.ApiGateway.CreateStageAsync("a1b2c3d4e5", "$default", autoDeploy: true, CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("POST /v2/apis/a1b2c3d4e5/stages", request.ToString());
        Assert.AreEqual("""{"stageName":"$default","autoDeploy":true}""", request.BodyText);
        Assert.AreEqual(new ApiStage("$default") { AutoDeploy = true }, stage);
    }

    [TestMethod]
    public async Task Deletes_send_DELETE_without_a_body_and_count_as_mutating()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(204));
        using var clients = server.Clients();

        await clients.ApiGateway.DeleteRouteAsync("a1b2c3d4e5", "r1s2t3", CancellationToken.None);
        await clients.ApiGateway.DeleteIntegrationAsync("a1b2c3d4e5", "abc123", CancellationToken.None);
        await clients.ApiGateway.DeleteApiAsync("a1b2c3d4e5", CancellationToken.None);

        CollectionAssert.AreEqual(
            new[] { "DELETE /v2/apis/a1b2c3d4e5/routes/r1s2t3", "DELETE /v2/apis/a1b2c3d4e5/integrations/abc123", "DELETE /v2/apis/a1b2c3d4e5" },
            server.Requests.Select(r => r.ToString()).ToArray());
        Assert.IsTrue(server.Requests.All(r => r.Body.Length == 0 && r.Header("Content-Type") is null));
        Assert.AreEqual(3, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task Path_members_are_percent_encoded()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(204));
        using var clients = server.Clients();

        await clients.ApiGateway.DeleteRouteAsync("api id", "route/1:x", CancellationToken.None);

        Assert.AreEqual("/v2/apis/api%20id/routes/route%2F1%3Ax", server.Single.Target);
    }

    [TestMethod]
    public async Task The_four_lists_are_GETs_with_maxResults_and_mutate_nothing()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, """{"items":[]}"""));
        using var clients = server.Clients();

        await clients.ApiGateway.GetApisAsync(CancellationToken.None);
        await clients.ApiGateway.GetIntegrationsAsync("a1b2c3d4e5", CancellationToken.None);
        await clients.ApiGateway.GetRoutesAsync("a1b2c3d4e5", CancellationToken.None);
        await clients.ApiGateway.GetStagesAsync("a1b2c3d4e5", CancellationToken.None);

        CollectionAssert.AreEqual(
            new[]
            {
                "GET /v2/apis?maxResults=100", "GET /v2/apis/a1b2c3d4e5/integrations?maxResults=100",
                "GET /v2/apis/a1b2c3d4e5/routes?maxResults=100", "GET /v2/apis/a1b2c3d4e5/stages?maxResults=100",
            },
            server.Requests.Select(r => r.ToString()).ToArray());
        Assert.IsTrue(server.Requests.All(r => r.Body.Length == 0));
        Assert.AreEqual(0, clients.Http.MutatingRequests);
        Assert.AreEqual(4, clients.Http.Requests);
    }

    [TestMethod]
    public async Task GetApis_follows_nextToken_verbatim_until_a_page_has_none()
    {
        using var server = new RecordingAwsServer(request => request.Query switch
        {
            "maxResults=100" => Page(0, 100, "page 2/+="),
            "maxResults=100&nextToken=page%202%2F%2B%3D" => Page(100, 100, "page3"),
            "maxResults=100&nextToken=page3" => Page(200, 7, null),
            _ => new ScriptedAnswer(400, """{"message":"unexpected query"}""", "BadRequestException"),
        });
        using var clients = server.Clients();

        var apis = await clients.ApiGateway.GetApisAsync(CancellationToken.None);

        Assert.HasCount(207, apis);
        CollectionAssert.AreEqual(Enumerable.Range(0, 207).Select(i => $"api{i:000}").ToArray(), apis.Select(a => a.ApiId).ToArray());
        Assert.AreEqual("name-206", apis[^1].Name);
        Assert.HasCount(3, server.Requests);
        Assert.AreEqual(0, clients.Http.MutatingRequests);

        static ScriptedAnswer Page(int first, int count, string? next) => new(200,
            "{\"items\":[" + string.Join(",", Enumerable.Range(first, count).Select(i => $"{{\"apiId\":\"api{i:000}\",\"name\":\"name-{i}\",\"protocolType\":\"HTTP\"}}"))
            + "]" + (next is null ? "" : $",\"nextToken\":\"{next}\"") + "}");
    }

    [TestMethod]
    public async Task GetRoutes_and_GetIntegrations_page_the_same_way()
    {
        using var server = new RecordingAwsServer(request => (request.Path, request.Query) switch
        {
            ("/v2/apis/a1/routes", "maxResults=100") => new(200, """{"items":[{"routeId":"r1","routeKey":"GET /a","target":"integrations/i1","authorizationType":"NONE"}],"nextToken":"t=2"}"""),
            ("/v2/apis/a1/routes", "maxResults=100&nextToken=t%3D2") => new(200, """{"items":[{"routeId":"r2","routeKey":"$default","target":"integrations/i2","authorizationType":"AWS_IAM"}],"nextToken":""}"""),
            ("/v2/apis/a1/integrations", "maxResults=100") => new(200, """{"items":[{"integrationId":"i1","integrationType":"AWS_PROXY"}],"nextToken":"n"}"""),
            ("/v2/apis/a1/integrations", "maxResults=100&nextToken=n") => new(200, """{"items":[{"integrationId":"i2","integrationUri":"arn:x"}]}"""),
            _ => new ScriptedAnswer(400, """{"message":"unexpected"}""", "BadRequestException"),
        });
        using var clients = server.Clients();

        var routes = await clients.ApiGateway.GetRoutesAsync("a1", CancellationToken.None);
        var integrations = await clients.ApiGateway.GetIntegrationsAsync("a1", CancellationToken.None);

        CollectionAssert.AreEqual(new[]
        {
            new ApiRoute("r1", "GET /a") { Target = "integrations/i1", AuthorizationType = "NONE" },
            new ApiRoute("r2", "$default") { Target = "integrations/i2", AuthorizationType = "AWS_IAM" },
        }, routes.ToArray());
        CollectionAssert.AreEqual(new[] { "i1", "i2" }, integrations.Select(i => i.IntegrationId).ToArray());
        Assert.AreEqual("arn:x", integrations[1].IntegrationUri);
        Assert.HasCount(4, server.Requests);
    }

    [TestMethod]
    public async Task A_list_without_items_is_empty()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, "{}"));
        using var clients = server.Clients();

        Assert.IsEmpty(await clients.ApiGateway.GetStagesAsync("a1", CancellationToken.None));
    }

    [TestMethod]
    public async Task AWS_NotFoundException_with_the_error_type_header_names_code_and_message()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(404, """{"message":"Invalid API identifier specified 123456789012:nope"}""",
            "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.apigatewayv2/"));
        using var clients = server.Clients();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => clients.ApiGateway.GetRoutesAsync("nope", CancellationToken.None));

        Assert.AreEqual("NotFoundException", error.Code);
        Assert.AreEqual("Invalid API identifier specified 123456789012:nope", error.AwsMessage);
        Assert.AreEqual(404, error.StatusCode);
        Assert.AreEqual("GetRoutes", error.Operation);
    }

    [TestMethod]
    public async Task Motos_error_body_with_type_and_no_header_names_code_and_message()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(404, """{"__type":"NotFoundException","message":"Invalid API identifier specified nope"}"""));
        using var clients = server.Clients();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => clients.ApiGateway.DeleteApiAsync("nope", CancellationToken.None));

        Assert.AreEqual("NotFoundException", error.Code);
        Assert.AreEqual("Invalid API identifier specified nope", error.AwsMessage);
        Assert.AreEqual(1, server.Requests.Count, "a 404 is not retried");
    }

    [TestMethod]
    public async Task A_create_answered_with_an_empty_body_is_an_error_not_a_null()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201));
        using var clients = server.Clients();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => clients.ApiGateway.CreateStageAsync("a1", "$default", true, CancellationToken.None));

        Assert.AreEqual("CreateStage", error.Operation);
    }
}
