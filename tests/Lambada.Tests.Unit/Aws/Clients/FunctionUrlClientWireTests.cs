using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;

namespace Lambada.Tests.Aws.Clients;

/// <summary>
/// The wire of the function URL operations (reference §2, API version 2021-10-31, PascalCase): Create POST 201, Get GET,
/// Update PUT, Delete DELETE 204, List GET …/urls paged with NextMarker; Get is null on 404 ResourceNotFoundException.
/// </summary>
[TestClass]
public sealed class FunctionUrlClientWireTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    private const string AwsConfig =
        $$"""{"AuthType":"NONE","Cors":{"AllowCredentials":true,"AllowHeaders":["content-type"],"AllowMethods":["GET","POST"],"AllowOrigins":["https://example.com"],"ExposeHeaders":["x-id"],"MaxAge":300},"CreationTime":"2026-12-02T06:00:00.000000Z","FunctionArn":"{{Arn}}","FunctionUrl":"https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/","InvokeMode":"BUFFERED","LastModifiedTime":"2026-12-02T06:00:01.000000Z"}""";

    private static readonly FunctionUrlCors Cors = new()
    {
        AllowCredentials = true,
        AllowHeaders = ["content-type"],
        AllowMethods = ["GET", "POST"],
        AllowOrigins = ["https://example.com"],
        ExposeHeaders = ["x-id"],
        MaxAge = 300,
    };

    [TestMethod]
    public async Task Create_posts_AuthType_InvokeMode_and_Cors_to_the_2021_10_31_url_resource()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201, AwsConfig));
        using var clients = server.Clients();

        var config = await clients.Urls.CreateAsync("orders", new FunctionUrlSettings("NONE", "BUFFERED", Cors), CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("POST /2021-10-31/functions/orders/url", request.ToString());
        Assert.AreEqual(
            """{"AuthType":"NONE","InvokeMode":"BUFFERED","Cors":{"AllowCredentials":true,"AllowHeaders":["content-type"],"AllowMethods":["GET","POST"],"AllowOrigins":["https://example.com"],"ExposeHeaders":["x-id"],"MaxAge":300}}""",
            request.BodyText);
        Assert.AreEqual("application/json", request.Header("Content-Type"));
        StringAssert.Contains(request.Header("Authorization"), "/us-east-1/lambda/aws4_request");
        Assert.AreEqual("https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/", config.FunctionUrl);
        Assert.AreEqual(Arn, config.FunctionArn);
        Assert.AreEqual("NONE", config.AuthType);
        Assert.AreEqual("BUFFERED", config.InvokeMode);
        Assert.AreEqual(300, config.Cors!.MaxAge);
        CollectionAssert.AreEqual(new[] { "GET", "POST" }, config.Cors.AllowMethods!.ToArray());
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task Create_without_CORS_leaves_Cors_out()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201, """{"FunctionUrl":"https://x.lambda-url.us-east-1.on.aws/","AuthType":"AWS_IAM"}"""));
        using var clients = server.Clients();

        await clients.Urls.CreateAsync("orders", new FunctionUrlSettings("AWS_IAM", "RESPONSE_STREAM", null), CancellationToken.None);

        Assert.AreEqual("""{"AuthType":"AWS_IAM","InvokeMode":"RESPONSE_STREAM"}""", server.Single.BodyText);
    }

    [TestMethod]
    public async Task Get_reads_the_configuration_and_mutates_nothing()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, AwsConfig));
        using var clients = server.Clients();

        var config = await clients.Urls.GetAsync("orders", CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("GET /2021-10-31/functions/orders/url", request.ToString());
        Assert.AreEqual(0, request.Body.Length);
        Assert.IsNotNull(config);
        Assert.AreEqual("2026-12-02T06:00:01.000000Z", config.LastModifiedTime);
        Assert.AreEqual("2026-12-02T06:00:00.000000Z", config.CreationTime);
        Assert.AreEqual(0, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task Get_answered_201_as_moto_does_is_still_the_configuration()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201, AwsConfig));
        using var clients = server.Clients();

        Assert.IsNotNull(await clients.Urls.GetAsync("orders", CancellationToken.None));
    }

    [TestMethod]
    public async Task Get_is_null_on_404_ResourceNotFoundException()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(404,
            """{"Message":"The resource you requested does not exist.","Type":"User"}""", "ResourceNotFoundException"));
        using var clients = server.Clients();

        Assert.IsNull(await clients.Urls.GetAsync("orders", CancellationToken.None));
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public async Task Get_passes_any_other_error_on()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(403,
            """{"Message":"User is not authorized to perform: lambda:GetFunctionUrlConfig"}""", "AccessDeniedException"));
        using var clients = server.Clients();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => clients.Urls.GetAsync("orders", CancellationToken.None));

        Assert.AreEqual("AccessDeniedException", error.Code);
        Assert.AreEqual("GetFunctionUrlConfig", error.Operation);
    }

    [TestMethod]
    public async Task Update_puts_the_full_settings()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, AwsConfig));
        using var clients = server.Clients();

        await clients.Urls.UpdateAsync("orders", new FunctionUrlSettings("NONE", "BUFFERED", Cors with { AllowHeaders = null, ExposeHeaders = null }), CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("PUT /2021-10-31/functions/orders/url", request.ToString());
        Assert.AreEqual(
            """{"AuthType":"NONE","InvokeMode":"BUFFERED","Cors":{"AllowCredentials":true,"AllowMethods":["GET","POST"],"AllowOrigins":["https://example.com"],"MaxAge":300}}""",
            request.BodyText);
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task Update_without_CORS_sends_an_empty_Cors_so_the_old_one_is_cleared()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, AwsConfig));
        using var clients = server.Clients();

        await clients.Urls.UpdateAsync("orders", new FunctionUrlSettings("AWS_IAM", "BUFFERED", null), CancellationToken.None);

        Assert.AreEqual("""{"AuthType":"AWS_IAM","InvokeMode":"BUFFERED","Cors":{}}""", server.Single.BodyText);
    }

    [TestMethod]
    public async Task Delete_sends_DELETE_without_a_body()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(204));
        using var clients = server.Clients();

        await clients.Urls.DeleteAsync("orders", CancellationToken.None);

        Assert.AreEqual("DELETE /2021-10-31/functions/orders/url", server.Single.ToString());
        Assert.AreEqual(0, server.Single.Body.Length);
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task A_function_ARN_is_percent_encoded_in_the_path()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(204));
        using var clients = server.Clients();

        await clients.Urls.DeleteAsync(Arn, CancellationToken.None);

        Assert.AreEqual("/2021-10-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders/url", server.Single.Target);
    }

    [TestMethod]
    public async Task List_follows_NextMarker_verbatim_until_the_last_page()
    {
        using var server = new RecordingAwsServer(request => request.Target switch
        {
            "/2021-10-31/functions/orders/urls?MaxItems=50" => Page(0, 50, "m 1/+="),
            "/2021-10-31/functions/orders/urls?MaxItems=50&Marker=m%201%2F%2B%3D" => Page(50, 50, "m2"),
            "/2021-10-31/functions/orders/urls?MaxItems=50&Marker=m2" => Page(100, 1, null),
            _ => new ScriptedAnswer(400, """{"Message":"unexpected"}""", "InvalidParameterValueException"),
        });
        using var clients = server.Clients();

        var configs = await clients.Urls.ListAsync("orders", CancellationToken.None);

        Assert.HasCount(101, configs);
        CollectionAssert.AreEqual(Enumerable.Range(0, 101).Select(i => $"https://u{i}.lambda-url.us-east-1.on.aws/").ToArray(), configs.Select(c => c.FunctionUrl).ToArray());
        Assert.AreEqual($"{Arn}:alias100", configs[^1].FunctionArn);
        Assert.HasCount(3, server.Requests);
        Assert.AreEqual(0, clients.Http.MutatingRequests);

        static ScriptedAnswer Page(int first, int count, string? next) => new(200,
            "{\"FunctionUrlConfigs\":[" + string.Join(",", Enumerable.Range(first, count).Select(i =>
                $"{{\"FunctionUrl\":\"https://u{i}.lambda-url.us-east-1.on.aws/\",\"FunctionArn\":\"{Arn}:alias{i}\",\"AuthType\":\"AWS_IAM\"}}"))
            + "]" + (next is null ? "" : $",\"NextMarker\":\"{next}\"") + "}");
    }
}
