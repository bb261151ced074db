using System.Text;
using System.Text.Json;
using Lambada.Runtime;
using Lambada.Runtime.Http;

namespace Lambada.Tests.Runtime;

/// <summary>The functions the <c>serve</c> tests serve: HTTP routes, a function URL with CORS, and plain functions for the Invoke API.</summary>
public sealed class ServeHandlers
{
    private static readonly Dictionary<string, string> JsonType = new() { ["content-type"] = "application/json" };

    /// <summary>Answers with the whole event it got, as JSON, so a test can read what <c>serve</c> built.</summary>
    [LambadaFunction(Name = "serveEcho")]
    [LambadaHttp("GET /orders/{id}", Auth = LambadaAuth.None)]
    [LambadaHttp("POST /orders/{id}", Auth = LambadaAuth.None)]
    [LambadaHttp("GET /things/{id}", Auth = LambadaAuth.None)]
    [LambadaHttp("ANY /files/{path+}", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse Echo(LambadaHttpRequest request) => Event(request);

    [LambadaFunction(Name = "serveLatest")]
    [LambadaHttp("GET /orders/latest", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse Latest(LambadaHttpRequest request) => new() { StatusCode = 200, Headers = JsonType, Body = "{\"id\":\"latest\"}" };

    [LambadaFunction(Name = "serveAnyThing")]
    [LambadaHttp("ANY /things/{id}", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse AnyThing(LambadaHttpRequest request) => new() { StatusCode = 200, Body = "any " + request.RequestContext.Http.Method };

    /// <summary>Not a response object: payload v2 answers 200 application/json with the output as the body.</summary>
    [LambadaFunction(Name = "servePlainResult")]
    [LambadaHttp("GET /plain", Auth = LambadaAuth.None)]
    public static Receipt Plain(LambadaHttpRequest request) => new("ink", 6);

    [LambadaFunction(Name = "serveCreated")]
    [LambadaHttp("POST /status", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse Created(LambadaHttpRequest request) => new()
    {
        StatusCode = 201,
        Headers = new Dictionary<string, string> { ["content-type"] = "text/plain", ["x-custom"] = "a,b" },
        Cookies = ["session=abc; Max-Age=60; HttpOnly", "theme=dark"],
        Body = "created " + request.Body,
    };

    [LambadaFunction(Name = "serveBytes")]
    [LambadaHttp("POST /bytes", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse Bytes(LambadaHttpRequest request)
    {
        var bytes = request.IsBase64Encoded ? Convert.FromBase64String(request.Body!) : Encoding.UTF8.GetBytes(request.Body ?? "");
        Array.Reverse(bytes);
        return new()
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string> { ["content-type"] = "application/octet-stream", ["x-was-base64"] = request.IsBase64Encoded ? "yes" : "no" },
            Body = Convert.ToBase64String(bytes),
            IsBase64Encoded = true,
        };
    }

    [LambadaFunction(Name = "serveThrows")]
    [LambadaHttp("GET /boom", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse Throws(LambadaHttpRequest request) => throw new InvalidOperationException("secret detail of the failure");

    [LambadaFunction(Name = "serveUrl")]
    [LambadaUrl(Auth = LambadaAuth.None, CorsOrigins = ["https://example.com"], CorsMethods = ["GET", "POST"], CorsHeaders = ["content-type", "x-api-key"],
        CorsExposeHeaders = ["x-trace"], CorsAllowCredentials = true, CorsMaxAge = 300)]
    public static LambadaHttpResponse Url(LambadaHttpRequest request)
    {
        var answer = Event(request);
        return answer with { Headers = new Dictionary<string, string>(answer.Headers!) { ["access-control-allow-origin"] = "https://elsewhere.example", ["x-trace"] = "t1" } };
    }

    [LambadaFunction(Name = "serveIamUrl")]
    [LambadaUrl]
    public static LambadaHttpResponse IamUrl(LambadaHttpRequest request) => Event(request);

    [LambadaFunction(Name = "serveAdd")]
    public static int Add(int[] numbers) => numbers.Sum();

    [LambadaFunction(Name = "serveFails")]
    public static int Fails(int[] numbers) => throw new ArgumentException("no numbers today");

    private static LambadaHttpResponse Event(LambadaHttpRequest request) =>
        new() { StatusCode = 200, Headers = JsonType, Body = JsonSerializer.Serialize(request, LambadaJson.Options) };
}

/// <summary>A <c>$default</c> route: it takes what no other route does.</summary>
public sealed class ServeDefaultHandlers
{
    [LambadaFunction(Name = "serveDefault")]
    [LambadaHttp("$default", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse Default(LambadaHttpRequest request) =>
        new() { StatusCode = 299, Body = request.RouteKey + " " + request.RawPath };

    [LambadaFunction(Name = "serveSpecific")]
    [LambadaHttp("GET /specific", Auth = LambadaAuth.None)]
    public static LambadaHttpResponse Specific(LambadaHttpRequest request) => new() { StatusCode = 200, Body = "specific" };
}
