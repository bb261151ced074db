using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lambada.Runtime.Http;

/// <summary>
/// An HTTP answer in payload format 2.0, for API Gateway HTTP APIs and function URLs alike. Return it from a handler for a
/// status other than 200, headers, cookies or a body that is not JSON; any other return value is written as JSON 200
/// (a <c>string</c> as <c>text/plain</c>). Build one with <see cref="Json{T}(T, int)"/>, <see cref="Text"/>, <see cref="Bytes"/>,
/// <see cref="Status"/> and <see cref="WithHeader"/>.
/// </summary>
public sealed record LambadaHttpResponse
{
    private const string JsonReason =
        "Writes the value with System.Text.Json by its type through LambadaJson.Options; in a trimmed or Native AOT app pass the "
        + "source-generated JsonTypeInfo<T> instead (Json(value, MyJsonContext.Default.MyType)).";

    internal const string ContentTypeHeader = "content-type";

    [JsonPropertyName("statusCode")] public int StatusCode { get; init; } = 200;

    /// <summary>One value per header; repeats are joined with commas. Set cookies with <see cref="Cookies"/>, not <c>set-cookie</c>.</summary>
    [JsonPropertyName("headers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Each becomes one <c>set-cookie</c> header: <c>a=1; Max-Age=60</c>.</summary>
    [JsonPropertyName("cookies"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Body { get; init; }

    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; init; }

    /// <summary><paramref name="value"/> as JSON (Lambada's JSON settings), <c>content-type: application/json</c>.</summary>
    [RequiresUnreferencedCode(JsonReason), RequiresDynamicCode(JsonReason)]
    public static LambadaHttpResponse Json<T>(T value, int statusCode = 200) =>
        JsonBody(JsonSerializer.Serialize(value, LambadaJson.Options), statusCode);

    /// <summary><paramref name="value"/> as JSON through its source-generated <paramref name="typeInfo"/>: safe to trim and for Native AOT.</summary>
    public static LambadaHttpResponse Json<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode = 200) =>
        JsonBody(JsonSerializer.Serialize(value, typeInfo), statusCode);

    /// <summary>Text, <c>text/plain; charset=utf-8</c> unless <paramref name="contentType"/> says otherwise.</summary>
    public static LambadaHttpResponse Text(string text, int statusCode = 200, string contentType = "text/plain; charset=utf-8") =>
        new() { StatusCode = statusCode, Headers = Header(ContentTypeHeader, contentType), Body = text };

    /// <summary>Raw bytes, sent base64-encoded as payload 2.0 requires.</summary>
    public static LambadaHttpResponse Bytes(byte[] body, string contentType = "application/octet-stream", int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new() { StatusCode = statusCode, Headers = Header(ContentTypeHeader, contentType), Body = Convert.ToBase64String(body), IsBase64Encoded = true };
    }

    /// <summary>A status without a body (<c>204</c>, <c>404</c>, …).</summary>
    public static LambadaHttpResponse Status(int statusCode) => new() { StatusCode = statusCode };

    /// <summary>This answer with one more header (a repeat, by name in any case, is joined with a comma).</summary>
    public LambadaHttpResponse WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, existing) in Headers ?? new Dictionary<string, string>())
            headers[key] = headers.TryGetValue(key, out var before) ? before + "," + existing : existing;
        headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        return this with { Headers = headers };
    }

    /// <summary>A body that is JSON already.</summary>
    internal static LambadaHttpResponse JsonBody(string json, int statusCode = 200) =>
        new() { StatusCode = statusCode, Headers = Header(ContentTypeHeader, "application/json"), Body = json };

    private static Dictionary<string, string> Header(string name, string value) =>
        new(StringComparer.OrdinalIgnoreCase) { [name] = value };
}
