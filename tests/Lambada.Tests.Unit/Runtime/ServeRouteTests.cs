using System.Net;
using System.Text;
using System.Text.Json;
using Lambada.Runtime.Local.Serve;

namespace Lambada.Tests.Runtime;

/// <summary><c>serve</c>'s HTTP API routes over real HTTP: matching, the payload-v2 event it builds, and the answer it makes of the output.</summary>
[TestClass]
public sealed class ServeRouteTests
{
    private static ServeTestServer _serve = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => _serve = new ServeTestServer(typeof(ServeHandlers));

    [ClassCleanup]
    public static async Task Stop() => await _serve.DisposeAsync();

    [TestMethod]
    public async Task A_path_parameter_and_the_query_reach_the_event()
    {
        using var answer = await _serve.Client.GetAsync("/orders/42?expand=items&expand=notes&q=a%20b+c");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.AreEqual("application/json", answer.Content.Headers.ContentType!.MediaType);
        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var root = e.RootElement;
        Assert.AreEqual("2.0", root.GetProperty("version").GetString());
        Assert.AreEqual("GET /orders/{id}", root.GetProperty("routeKey").GetString());
        Assert.AreEqual("/orders/42", root.GetProperty("rawPath").GetString());
        Assert.AreEqual("expand=items&expand=notes&q=a%20b+c", root.GetProperty("rawQueryString").GetString());
        Assert.AreEqual("42", root.GetProperty("pathParameters").GetProperty("id").GetString());
        var query = root.GetProperty("queryStringParameters");
        Assert.AreEqual("items,notes", query.GetProperty("expand").GetString(), "repeated keys joined with commas");
        Assert.AreEqual("a b c", query.GetProperty("q").GetString());
    }

    [TestMethod]
    public async Task The_request_context_is_filled_as_an_http_api_fills_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/7");
        request.Headers.UserAgent.ParseAdd("serve-test/1.0");
        using var answer = await _serve.Client.SendAsync(request);

        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var context = e.RootElement.GetProperty("requestContext");
        var http = context.GetProperty("http");
        Assert.AreEqual("GET", http.GetProperty("method").GetString());
        Assert.AreEqual("/orders/7", http.GetProperty("path").GetString());
        Assert.AreEqual("HTTP/1.1", http.GetProperty("protocol").GetString());
        Assert.AreEqual("127.0.0.1", http.GetProperty("sourceIp").GetString());
        Assert.AreEqual("serve-test/1.0", http.GetProperty("userAgent").GetString());
        Assert.AreEqual("GET /orders/{id}", context.GetProperty("routeKey").GetString());
        Assert.AreEqual("$default", context.GetProperty("stage").GetString());
        Assert.AreEqual(LocalServer.LocalAccount, context.GetProperty("accountId").GetString());
        Assert.IsTrue(Guid.TryParse(context.GetProperty("requestId").GetString(), out _));
        var time = context.GetProperty("time").GetString()!;
        var parsed = DateTimeOffset.ParseExact(time, "dd/MMM/yyyy:HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var epoch = context.GetProperty("timeEpoch").GetInt64();
        Assert.AreEqual(parsed.ToUnixTimeSeconds(), epoch / 1000, "time and timeEpoch name the same second");
    }

    [TestMethod]
    public async Task Headers_are_lower_case_and_cookies_split_out()
    {
        // Raw, so the names go out in the case written here. (A header sent on two lines reaches serve as its last line only:
        // HttpListener keeps one; the README says so. Comma-separated values in one line pass through.)
        var answer = await RawHttp.SendAsync(_serve.Server.Port,
            "GET /orders/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Repeated: one,two\r\nCookie: a=1; b=2\r\nConnection: close\r\n\r\n");

        using var e = JsonDocument.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        var headers = e.RootElement.GetProperty("headers");
        Assert.AreEqual("one,two", headers.GetProperty("x-repeated").GetString());
        Assert.IsTrue(headers.TryGetProperty("host", out _), "names in lower case");
        Assert.IsFalse(headers.TryGetProperty("X-Repeated", out _));
        Assert.IsFalse(headers.TryGetProperty("cookie", out _), "the Cookie header goes into cookies");
        CollectionAssert.AreEqual(new[] { "a=1", "b=2" }, e.RootElement.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()).ToArray());
    }

    [TestMethod]
    public async Task A_text_body_arrives_as_text_and_a_binary_one_as_base64()
    {
        using var text = await _serve.Client.PostAsync("/orders/5", new StringContent("{\"n\":1}", Encoding.UTF8, "application/json"));
        var binaryBytes = new byte[] { 0, 1, 2, 255 };
        using var binaryContent = new ByteArrayContent(binaryBytes);
        binaryContent.Headers.ContentType = new("application/octet-stream");
        using var binary = await _serve.Client.PostAsync("/bytes", binaryContent);

        using var e = JsonDocument.Parse(await text.Content.ReadAsStringAsync());
        Assert.AreEqual("{\"n\":1}", e.RootElement.GetProperty("body").GetString());
        Assert.IsFalse(e.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.AreEqual("yes", binary.Headers.GetValues("x-was-base64").Single());
        CollectionAssert.AreEqual(new byte[] { 255, 2, 1, 0 }, await binary.Content.ReadAsByteArrayAsync(), "an isBase64Encoded answer is decoded");
        Assert.AreEqual("application/octet-stream", binary.Content.Headers.ContentType!.MediaType);
    }

    [TestMethod]
    public async Task Status_headers_and_cookies_of_the_response_are_the_answer()
    {
        using var answer = await _serve.Client.PostAsync("/status", new StringContent("x", Encoding.UTF8, "text/plain"));

        Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode);
        Assert.AreEqual("created x", await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("a,b", string.Join(",", answer.Headers.GetValues("x-custom")));
        Assert.AreEqual("text/plain", answer.Content.Headers.ContentType!.MediaType);
        CollectionAssert.AreEquivalent(new[] { "session=abc; Max-Age=60; HttpOnly", "theme=dark" }, answer.Headers.GetValues("Set-Cookie").ToArray(),
            "each cookie its own set-cookie header");
    }

    [TestMethod]
    public async Task An_output_without_status_code_is_200_json_with_the_output_as_body()
    {
        using var answer = await _serve.Client.GetAsync("/plain");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.AreEqual("application/json", answer.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("{\"Item\":\"ink\",\"Total\":6}", await answer.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_literal_route_beats_a_parameter_and_an_exact_method_beats_any()
    {
        using var latest = await _serve.Client.GetAsync("/orders/latest");
        using var thingGet = await _serve.Client.GetAsync("/things/9");
        using var thingDelete = await _serve.Client.DeleteAsync("/things/9");

        Assert.AreEqual("{\"id\":\"latest\"}", await latest.Content.ReadAsStringAsync());
        using (var e = JsonDocument.Parse(await thingGet.Content.ReadAsStringAsync()))
            Assert.AreEqual("GET /things/{id}", e.RootElement.GetProperty("routeKey").GetString());
        Assert.AreEqual("any DELETE", await thingDelete.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_greedy_parameter_takes_the_rest_of_the_path_with_any_method()
    {
        using var answer = await _serve.Client.PutAsync("/files/a/b%20c/d.txt", new StringContent(""));

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        using var e = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("ANY /files/{path+}", e.RootElement.GetProperty("routeKey").GetString());
        Assert.AreEqual("a/b c/d.txt", e.RootElement.GetProperty("pathParameters").GetProperty("path").GetString());
    }

    [TestMethod]
    public async Task An_unknown_route_or_method_is_404_as_api_gateway_says_it()
    {
        using var unknown = await _serve.Client.GetAsync("/nowhere");
        using var wrongMethod = await _serve.Client.DeleteAsync("/orders/1");
        using var greedyNeedsASegment = await _serve.Client.GetAsync("/files");

        foreach (var answer in new[] { unknown, wrongMethod, greedyNeedsASegment })
        {
            Assert.AreEqual(HttpStatusCode.NotFound, answer.StatusCode, answer.RequestMessage!.RequestUri!.ToString());
            Assert.AreEqual("{\"message\":\"Not Found\"}", await answer.Content.ReadAsStringAsync());
        }
    }

    [TestMethod]
    public async Task A_handler_exception_is_500_without_a_stack_trace_and_stderr_has_it()
    {
        using var answer = await _serve.Client.GetAsync("/boom");

        Assert.AreEqual(HttpStatusCode.InternalServerError, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.AreEqual("{\"message\":\"Internal Server Error\"}", body);
        Assert.IsFalse(body.Contains("secret detail", StringComparison.Ordinal));
        StringAssert.Contains(_serve.Errors, "secret detail of the failure");
        StringAssert.Contains(_serve.Errors, nameof(ServeHandlers.Throws), "the stack trace goes to stderr");
    }

    [TestMethod]
    public async Task A_default_route_takes_what_no_other_route_does_and_comes_last()
    {
        await using var serve = new ServeTestServer(typeof(ServeDefaultHandlers));

        using var specific = await serve.Client.GetAsync("/specific");
        using var other = await serve.Client.PostAsync("/any/where", new StringContent(""));

        Assert.AreEqual("specific", await specific.Content.ReadAsStringAsync());
        Assert.AreEqual(299, (int)other.StatusCode);
        Assert.AreEqual("$default /any/where", await other.Content.ReadAsStringAsync());
    }
}
