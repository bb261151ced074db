using System.Net;
using System.Text.Json;
using Lambada.Runtime.Local.Serve;

namespace Lambada.Tests.Runtime;

/// <summary><c>serve</c>'s function URLs under <c>/_url/{name}/</c>: the URL event, and CORS from the attribute as Lambda applies it.</summary>
[TestClass]
public sealed class ServeUrlTests
{
    private static ServeTestServer _serve = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => _serve = new ServeTestServer(typeof(ServeHandlers));

    [ClassCleanup]
    public static async Task Stop() => await _serve.DisposeAsync();

    [TestMethod]
    public async Task A_url_event_has_the_default_route_the_path_under_the_prefix_and_an_anonymous_account()
    {
        using var answer = await _serve.Client.GetAsync("/_url/serveUrl/deep/path?x=1");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var root = e.RootElement;
        Assert.AreEqual("$default", root.GetProperty("routeKey").GetString());
        Assert.AreEqual("/deep/path", root.GetProperty("rawPath").GetString());
        Assert.AreEqual("x=1", root.GetProperty("rawQueryString").GetString());
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("pathParameters").ValueKind, "no path parameters on a URL");
        var context = root.GetProperty("requestContext");
        Assert.AreEqual("$default", context.GetProperty("routeKey").GetString());
        Assert.AreEqual("$default", context.GetProperty("stage").GetString());
        Assert.AreEqual("anonymous", context.GetProperty("accountId").GetString(), "auth NONE");
        Assert.AreEqual("/deep/path", context.GetProperty("http").GetProperty("path").GetString());
    }

    [TestMethod]
    public async Task The_url_root_is_slash_and_an_aws_iam_url_names_an_account()
    {
        using var root = await _serve.Client.GetAsync("/_url/serveIamUrl");

        using var e = JsonDocument.Parse(await root.Content.ReadAsStringAsync());
        Assert.AreEqual("/", e.RootElement.GetProperty("rawPath").GetString());
        Assert.AreEqual(LocalServer.LocalAccount, e.RootElement.GetProperty("requestContext").GetProperty("accountId").GetString());
    }

    [TestMethod]
    public async Task A_function_without_a_url_or_an_unknown_name_is_404()
    {
        using var noUrl = await _serve.Client.GetAsync("/_url/serveAdd/");
        using var unknown = await _serve.Client.GetAsync("/_url/nobody/");

        Assert.AreEqual(HttpStatusCode.NotFound, noUrl.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.AreEqual("{\"message\":\"Not Found\"}", await unknown.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_preflight_is_answered_from_the_attribute_without_calling_the_function()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/_url/serveUrl/x");
        request.Headers.Add("Origin", "https://example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var answer = await _serve.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.AreEqual("", await answer.Content.ReadAsStringAsync(), "no body: the function did not run");
        Assert.AreEqual("https://example.com", Header(answer, "Access-Control-Allow-Origin"));
        Assert.AreEqual("GET,POST", Header(answer, "Access-Control-Allow-Methods"));
        Assert.AreEqual("content-type,x-api-key", Header(answer, "Access-Control-Allow-Headers"));
        Assert.AreEqual("300", Header(answer, "Access-Control-Max-Age"));
        Assert.AreEqual("true", Header(answer, "Access-Control-Allow-Credentials"));
    }

    [TestMethod]
    public async Task A_preflight_from_another_origin_gets_no_cors_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/_url/serveUrl/");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await _serve.Client.SendAsync(request);

        Assert.IsFalse(answer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.IsFalse(answer.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [TestMethod]
    public async Task Every_answer_to_an_allowed_origin_carries_the_cors_headers_over_the_functions_own()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_url/serveUrl/");
        request.Headers.Add("Origin", "https://example.com");
        using var answer = await _serve.Client.SendAsync(request);
        using var noOrigin = await _serve.Client.GetAsync("/_url/serveUrl/");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.AreEqual("https://example.com", Header(answer, "Access-Control-Allow-Origin"), "the configured value beats the function's https://elsewhere.example");
        Assert.AreEqual("x-trace", Header(answer, "Access-Control-Expose-Headers"));
        Assert.AreEqual("true", Header(answer, "Access-Control-Allow-Credentials"));
        Assert.AreEqual("t1", Header(answer, "x-trace"), "the function's other headers stay");
        Assert.AreEqual("https://elsewhere.example", Header(noOrigin, "Access-Control-Allow-Origin"), "no Origin: no CORS, the function's own header as it set it");
    }

    [TestMethod]
    public async Task Options_to_a_url_without_cors_goes_to_the_function()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/_url/serveIamUrl/");
        request.Headers.Add("Origin", "https://example.com");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        using var answer = await _serve.Client.SendAsync(request);

        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("OPTIONS", e.RootElement.GetProperty("requestContext").GetProperty("http").GetProperty("method").GetString());
        Assert.IsFalse(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string Header(HttpResponseMessage answer, string name) => string.Join(",", answer.Headers.GetValues(name));
}
