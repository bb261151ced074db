using System.Text.Json.Serialization;

namespace Lambada.Runtime.Http;

/// <summary>
/// An HTTP answer in payload format 2.0, for API Gateway HTTP APIs and function URLs alike. Return it from a handler for a
/// status other than 200, headers, cookies or a body that is not JSON; any other return value is written as JSON 200
/// (a <c>string</c> as <c>text/plain</c>). Build one with <see cref="Json{T}"/>, <see cref="Text"/>, <see cref="Bytes"/>,
/// <see cref="Status"/> and <see cref="WithHeader"/>.
/// </summary>
public sealed record LambadaHttpResponse
{
    [JsonPropertyName("statusCode")] public int StatusCode { get; init; } = 200;

    /// <summary>One value per header; repeats are joined with commas. Set cookies with <see cref="Cookies"/>, not <c>set-cookie</c>.</summary>
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Each becomes one <c>set-cookie</c> header: <c>a=1; Max-Age=60</c>.</summary>
    [JsonPropertyName("cookies")] public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; init; }

    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; init; }

    /// <summary><paramref name="value"/> as JSON (Lambada's JSON settings), <c>content-type: application/json</c>.</summary>
    public static LambadaHttpResponse Json<T>(T value, int statusCode = 200) => throw new NotImplementedException("issue 13: runtime helper");

    /// <summary>Text, <c>text/plain; charset=utf-8</c> unless <paramref name="contentType"/> says otherwise.</summary>
    public static LambadaHttpResponse Text(string text, int statusCode = 200, string contentType = "text/plain; charset=utf-8") =>
        throw new NotImplementedException("issue 13: runtime helper");

    /// <summary>Raw bytes, sent base64-encoded as payload 2.0 requires.</summary>
    public static LambadaHttpResponse Bytes(byte[] body, string contentType = "application/octet-stream", int statusCode = 200) =>
        throw new NotImplementedException("issue 13: runtime helper");

    /// <summary>A status without a body (<c>204</c>, <c>404</c>, …).</summary>
    public static LambadaHttpResponse Status(int statusCode) => throw new NotImplementedException("issue 13: runtime helper");

    /// <summary>This answer with one more header (a repeat is joined with a comma).</summary>
    public LambadaHttpResponse WithHeader(string name, string value) => throw new NotImplementedException("issue 13: runtime helper");
}
