using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lambada.Runtime.Api;

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
    private static readonly LambadaJsonContext Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

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

    public static byte[] Serialize(LambadaHttpResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, Json.LambadaHttpResponse);

    private static LambadaHttpResponse Message(int statusCode, string message) =>
        LambadaHttpResponse.Json(new HttpMessage(message), Json.HttpMessage, statusCode);
}

/// <summary>The body of a 400 or 500 Lambada answers itself, as API Gateway's own errors are spelled: <c>{"message":"…"}</c>.</summary>
internal sealed record HttpMessage([property: JsonPropertyName("message")] string Message);
