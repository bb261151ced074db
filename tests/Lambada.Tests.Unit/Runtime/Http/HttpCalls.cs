using System.Text.Json;
using Lambada.Runtime;
using Lambada.Runtime.Api;
using Lambada.Runtime.Handlers;
using Lambada.Runtime.Http;

namespace Lambada.Tests.Runtime.Http;

/// <summary>A context whose log the test reads.</summary>
internal sealed class RecordingContext : ILambadaContext, ILambadaLogger
{
    private readonly List<string> _lines = [];

    public string AwsRequestId { get; } = Guid.NewGuid().ToString();
    public string FunctionName => "http_test";
    public string FunctionVersion => "$LATEST";
    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:http_test";
    public int MemoryLimitInMB => 512;
    public TimeSpan RemainingTime => TimeSpan.FromSeconds(30);
    public string? ClientContext => null;
    public string? CognitoIdentity => null;
    public ILambadaLogger Logger => this;

    public string Log => string.Join("\n", _lines);

    void ILambadaLogger.Log(string message) => _lines.Add(message);
}

/// <summary>Payload-v2 events for the tests, and calls of <see cref="HttpHandlers"/> through the real <see cref="FunctionHandler"/>.</summary>
internal static class HttpCalls
{
    public static LambadaHttpRequest Request(
        string method = "GET", string path = "/", IReadOnlyDictionary<string, string>? route = null, IReadOnlyDictionary<string, string>? query = null,
        string? body = null, bool base64 = false, string routeKey = "$default") => new()
        {
            RouteKey = routeKey,
            RawPath = path,
            RawQueryString = query is null ? "" : string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")),
            Headers = new Dictionary<string, string> { ["user-agent"] = "tests/1.0", ["content-type"] = "application/json" },
            QueryStringParameters = query,
            PathParameters = route,
            Body = body,
            IsBase64Encoded = base64,
            RequestContext = new LambadaHttpRequestContext
            {
                AccountId = "123456789012",
                ApiId = "api1",
                RequestId = "req-1",
                RouteKey = routeKey,
                Stage = "$default",
                Http = new LambadaHttpDescription { Method = method, Path = path, SourceIp = "127.0.0.1", UserAgent = "tests/1.0" },
            },
        };

    public static Dictionary<string, string> Values(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    public static byte[] Payload(LambadaHttpRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, LambadaJsonContext.Default.LambadaHttpRequest);

    public static FunctionHandler Handler(string method) => new(typeof(HttpHandlers).GetMethod(method) ?? throw new ArgumentException(method));

    public static Task<LambadaHttpResponse> CallAsync(string method, LambadaHttpRequest request, RecordingContext? context = null) =>
        CallAsync(method, Payload(request), context);

    public static async Task<LambadaHttpResponse> CallAsync(string method, byte[] payload, RecordingContext? context = null)
    {
        var answer = await Handler(method).InvokeAsync(payload, context ?? new RecordingContext(), CancellationToken.None);
        return Response(answer);
    }

    public static LambadaHttpResponse Response(byte[] answer) =>
        JsonSerializer.Deserialize(answer, LambadaJsonContext.Default.LambadaHttpResponse) ?? throw new AssertFailedException("a null response");

    public static string? Header(LambadaHttpResponse response, string name) =>
        response.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The <c>message</c> of a 400 or 500 body.</summary>
    public static string Message(LambadaHttpResponse response)
    {
        Assert.AreEqual("application/json", Header(response, "content-type"));
        using var body = JsonDocument.Parse(response.Body!);
        Assert.AreEqual(1, body.RootElement.EnumerateObject().Count(), response.Body);
        return body.RootElement.GetProperty("message").GetString()!;
    }
}
