using System.Net;
using System.Text;
using System.Text.Json;

namespace Lambada.Tests.Runtime;

/// <summary><c>serve</c>'s Lambda Invoke API, <c>POST /2015-03-31/functions/{name}/invocations</c>, answered as Lambda answers it.</summary>
[TestClass]
public sealed class ServeInvokeApiTests
{
    private static ServeTestServer _serve = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => _serve = new ServeTestServer(typeof(ServeHandlers));

    [ClassCleanup]
    public static async Task Stop() => await _serve.DisposeAsync();

    [TestMethod]
    [DataRow("serveAdd")]
    [DataRow("serveAdd:$LATEST")]
    [DataRow("serveAdd:live")]
    [DataRow("arn:aws:lambda:us-east-1:123456789012:function:serveAdd")]
    [DataRow("arn:aws:lambda:us-east-1:123456789012:function:serveAdd:live")]
    public async Task A_request_response_invoke_answers_200_with_the_functions_bytes(string name)
    {
        using var answer = await Invoke(name, "[1,2,3]");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.AreEqual("6", await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("$LATEST", answer.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.IsFalse(answer.Headers.Contains("X-Amz-Function-Error"));
    }

    [TestMethod]
    public async Task An_http_function_invoked_directly_gets_the_payload_as_its_event()
    {
        var v2 = """{"version":"2.0","routeKey":"$default","rawPath":"/direct","rawQueryString":"","requestContext":{"http":{"method":"GET","path":"/direct"}},"isBase64Encoded":false}""";
        using var answer = await Invoke("serveEcho", v2);

        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.AreEqual(200, e.RootElement.GetProperty("statusCode").GetInt32(), "the function's own output, not an HTTP answer made of it");
        StringAssert.Contains(e.RootElement.GetProperty("body").GetString(), "/direct");
    }

    [TestMethod]
    public async Task A_function_error_is_200_with_the_unhandled_header_and_lambdas_error_json()
    {
        using var answer = await Invoke("serveFails", "[1]");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.AreEqual("Unhandled", answer.Headers.GetValues("X-Amz-Function-Error").Single());
        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("ArgumentException", e.RootElement.GetProperty("errorType").GetString());
        Assert.AreEqual("no numbers today", e.RootElement.GetProperty("errorMessage").GetString());
        Assert.AreEqual(JsonValueKind.Array, e.RootElement.GetProperty("stackTrace").ValueKind);
    }

    [TestMethod]
    public async Task An_unknown_function_is_404_resource_not_found()
    {
        using var answer = await Invoke("nobody", "{}");

        Assert.AreEqual(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.AreEqual("ResourceNotFoundException", answer.Headers.GetValues("x-amzn-ErrorType").Single());
        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("User", e.RootElement.GetProperty("Type").GetString());
        StringAssert.Contains(e.RootElement.GetProperty("message").GetString(), "function:nobody");
    }

    [TestMethod]
    public async Task Event_is_202_with_no_body_and_dry_run_204()
    {
        using var queued = await Invoke("serveAdd", "[1]", "Event");
        using var dryRun = await Invoke("serveAdd", "[1]", "DryRun");
        using var unknownDryRun = await Invoke("nobody", "[1]", "DryRun");
        using var bad = await Invoke("serveAdd", "[1]", "Sometimes");

        Assert.AreEqual(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.AreEqual("", await queued.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.NoContent, dryRun.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, unknownDryRun.StatusCode, "a dry run still checks the function exists");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [TestMethod]
    public async Task Any_authorization_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/2015-03-31/functions/serveAdd/invocations") { Content = new StringContent("[2,2]") };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00");
        using var answer = await _serve.Client.SendAsync(request);

        Assert.AreEqual("4", await answer.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> Invoke(string name, string payload, string? invocationType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(name)}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (invocationType is not null)
            request.Headers.Add("X-Amz-Invocation-Type", invocationType);
        return await _serve.Client.SendAsync(request);
    }
}
