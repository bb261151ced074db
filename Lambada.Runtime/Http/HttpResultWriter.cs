using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lambada.Runtime.Http;

/// <summary>
/// Turns what an HTTP function returned into its payload-v2 answer: a <see cref="LambadaHttpResponse"/> as it is, a
/// <c>string</c> as <c>text/plain</c>, a <see cref="Stream"/> as base64 <c>application/octet-stream</c>, nothing (void, Task,
/// ValueTask) as an empty 200, anything else as JSON 200. Errors are <c>{"message":…}</c> bodies.
/// </summary>
internal static class HttpResultWriter
{
    public const string InternalServerErrorMessage = "Internal Server Error";

    // The answer is read by API Gateway or a function URL, not embedded in a page: no \u escapes for ', +, < or non-ASCII text.
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="result">What the handler gave, awaited; a <see cref="Stream"/> already read (<see cref="FromBytes"/>).</param>
    /// <param name="resultType">The type of the value the handler produces; null when it produces none.</param>
    [RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
    public static LambadaHttpResponse FromResult(object? result, Type? resultType) => result switch
    {
        LambadaHttpResponse response => response,
        _ when resultType is null => LambadaHttpResponse.Status(200),
        string text => LambadaHttpResponse.Text(text),
        null when resultType == typeof(string) || resultType == typeof(LambadaHttpResponse) => LambadaHttpResponse.Status(200),
        _ => LambadaHttpResponse.JsonBody(JsonSerializer.Serialize(result, resultType, LambadaJson.Options)),
    };

    public static LambadaHttpResponse FromBytes(byte[] body) => LambadaHttpResponse.Bytes(body);

    public static LambadaHttpResponse BadRequest(string message) => Message(400, message);

    public static LambadaHttpResponse InternalServerError() => Message(500, InternalServerErrorMessage);

    /// <summary>
    /// The answer as payload-v2 JSON, null members left out — what <c>LambadaJsonContext</c> writes, by hand: a cold start of an
    /// HTTP function then builds no serializer metadata for the envelope (see docs/http-b.md for the figures).
    /// </summary>
    public static byte[] Serialize(LambadaHttpResponse response)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (response.Body?.Length ?? 0));
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteNumber("statusCode"u8, response.StatusCode);
            if (response.Headers is { } headers)
            {
                json.WriteStartObject("headers"u8);
                foreach (var (name, value) in headers)
                    json.WriteString(name, value);
                json.WriteEndObject();
            }
            if (response.Cookies is { } cookies)
            {
                json.WriteStartArray("cookies"u8);
                foreach (var cookie in cookies)
                    json.WriteStringValue(cookie);
                json.WriteEndArray();
            }
            if (response.Body is { } body)
                json.WriteString("body"u8, body);
            json.WriteBoolean("isBase64Encoded"u8, response.IsBase64Encoded);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The body of a 400 or 500 Lambada answers itself, as API Gateway's own errors are spelled: <c>{"message":"…"}</c>.</summary>
    private static LambadaHttpResponse Message(int statusCode, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(32 + message.Length);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("message"u8, message);
            json.WriteEndObject();
        }
        return LambadaHttpResponse.JsonBody(Encoding.UTF8.GetString(buffer.WrittenSpan), statusCode);
    }
}
