using System.Net;
using System.Text;
using System.Text.Json;

namespace Lambada.Runtime.Local.Serve;

/// <summary>An HTTP answer to write: status, headers (a name may repeat, as <c>set-cookie</c> does), body.</summary>
internal sealed class HttpAnswer(int statusCode, byte[] body)
{
    private static readonly byte[] NotFoundBody = "{\"message\":\"Not Found\"}"u8.ToArray();
    private static readonly byte[] InternalErrorBody = "{\"message\":\"Internal Server Error\"}"u8.ToArray();

    public int StatusCode { get; } = statusCode;
    public byte[] Body { get; } = body;
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public HttpAnswer With(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>, replacing what the function said (CORS headers beat the function's own).</summary>
    public HttpAnswer Replace(string name, string value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        return With(name, value);
    }

    public static HttpAnswer Json(int statusCode, byte[] body) => new HttpAnswer(statusCode, body).With("content-type", "application/json");

    /// <summary>API Gateway's answer when nothing matches.</summary>
    public static HttpAnswer NotFound() => Json(404, NotFoundBody);

    /// <summary>API Gateway's answer when the function failed or answered what is not a response: no stack trace.</summary>
    public static HttpAnswer InternalError() => Json(500, InternalErrorBody);

    /// <summary>
    /// The function's output as payload format 2.0 reads it: a JSON object with <c>statusCode</c> is the response (status, headers,
    /// <c>cookies</c> as <c>set-cookie</c>, body, base64-decoded when <c>isBase64Encoded</c>); any other JSON is a 200
    /// <c>application/json</c> answer with the output as its body; no output is an empty 200. Null when the output is not JSON
    /// or its <c>statusCode</c> is not a status (API Gateway answers 500 then).
    /// </summary>
    public static HttpAnswer? FromOutput(byte[] output)
    {
        if (output.Length == 0)
            return new HttpAnswer(200, []);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out var status))
                return Json(200, output);
            if (status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out var code) || code is < 100 or > 599)
                return null;

            var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
            var bodyText = root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString()! : "";
            byte[] bytes;
            try
            {
                bytes = base64 ? Convert.FromBase64String(bodyText) : Encoding.UTF8.GetBytes(bodyText);
            }
            catch (FormatException)
            {
                return null;
            }
            var answer = new HttpAnswer(code, bytes);
            if (root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in headers.EnumerateObject())
                {
                    if (header.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array)
                        continue;
                    answer.With(header.Name.ToLowerInvariant(), header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText());
                }
            }
            if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
            {
                foreach (var cookie in cookies.EnumerateArray())
                {
                    if (cookie.ValueKind == JsonValueKind.String)
                        answer.With("set-cookie", cookie.GetString()!);
                }
            }
            return answer;
        }
    }

    public async Task WriteAsync(HttpListenerResponse response, bool head)
    {
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            if (string.Equals(name, "content-length", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "transfer-encoding", StringComparison.OrdinalIgnoreCase))
                continue;
            if (string.Equals(name, "content-type", StringComparison.OrdinalIgnoreCase))
                response.ContentType = value;
            else
                response.AppendHeader(name, value);
        }
        if (head || StatusCode is 204 or 304 || StatusCode < 200)
        {
            response.ContentLength64 = 0;
            response.Close();
            return;
        }
        response.ContentLength64 = Body.Length;
        await response.OutputStream.WriteAsync(Body).ConfigureAwait(false);
        response.Close();
    }
}
