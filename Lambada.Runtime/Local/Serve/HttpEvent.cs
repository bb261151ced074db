using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Lambada.Runtime.Local.Serve;

/// <summary>What a payload-v2 event needs to know of a request besides the request itself.</summary>
internal sealed record EventTarget(
    string RouteKey,
    string RawPath,
    IReadOnlyDictionary<string, string>? PathParameters,
    string ApiId,
    string AccountId,
    DateTimeOffset Time);

/// <summary>
/// Builds the payload format 2.0 event of a real HTTP request, as API Gateway HTTP APIs and function URLs send it: header names
/// lower case, repeated headers and query keys joined with commas, <c>Cookie</c> split into <c>cookies</c>, the body as text or,
/// for a binary content type, base64 with <c>isBase64Encoded</c>; absent parts left out.
/// </summary>
internal static class HttpEvent
{
    public static byte[] Build(HttpListenerRequest request, byte[] body, EventTarget target)
    {
        var rawUrl = request.RawUrl ?? "/";
        var question = rawUrl.IndexOf('?', StringComparison.Ordinal);
        var rawQuery = question < 0 ? "" : rawUrl[(question + 1)..];
        var headers = Headers(request, out var cookies);
        var requestId = Guid.NewGuid().ToString();

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", target.RouteKey);
            json.WriteString("rawPath", target.RawPath);
            json.WriteString("rawQueryString", rawQuery);
            if (cookies.Count > 0)
            {
                json.WriteStartArray("cookies");
                foreach (var cookie in cookies)
                    json.WriteStringValue(cookie);
                json.WriteEndArray();
            }
            WriteMap(json, "headers", headers);
            var query = Query(rawQuery);
            if (query.Count > 0)
                WriteMap(json, "queryStringParameters", query);
            if (target.PathParameters is { Count: > 0 })
                WriteMap(json, "pathParameters", target.PathParameters);

            json.WriteStartObject("requestContext");
            json.WriteString("accountId", target.AccountId);
            json.WriteString("apiId", target.ApiId);
            var host = request.UserHostName ?? "127.0.0.1";
            json.WriteString("domainName", host);
            json.WriteString("domainPrefix", host.Split('.', ':')[0]);
            json.WriteStartObject("http");
            json.WriteString("method", request.HttpMethod);
            json.WriteString("path", target.RawPath);
            json.WriteString("protocol", "HTTP/" + request.ProtocolVersion.ToString(2));
            json.WriteString("sourceIp", request.RemoteEndPoint?.Address.ToString() ?? "127.0.0.1");
            json.WriteString("userAgent", request.UserAgent ?? "");
            json.WriteEndObject();
            json.WriteString("requestId", requestId);
            json.WriteString("routeKey", target.RouteKey);
            json.WriteString("stage", "$default");
            json.WriteString("time", target.Time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
            json.WriteNumber("timeEpoch", target.Time.ToUnixTimeMilliseconds());
            json.WriteEndObject();

            if (body.Length > 0)
            {
                var binary = IsBinary(request.ContentType, body);
                json.WriteString("body", binary ? Convert.ToBase64String(body) : Encoding.UTF8.GetString(body));
                json.WriteBoolean("isBase64Encoded", binary);
            }
            else
            {
                json.WriteBoolean("isBase64Encoded", false);
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Text unless the content type says otherwise: <c>text/*</c>, JSON, XML, JavaScript, form posts and <c>+json</c>/<c>+xml</c>
    /// types are text; no content type is text when the bytes are UTF-8; anything else is binary (base64).
    /// </summary>
    public static bool IsBinary(string? contentType, byte[] body)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return !IsUtf8(body);
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        var text = type.StartsWith("text/", StringComparison.Ordinal)
            || type is "application/json" or "application/xml" or "application/javascript" or "application/x-www-form-urlencoded" or "application/graphql"
            || type.EndsWith("+json", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal);
        return !text;
    }

    private static bool IsUtf8(byte[] body)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static SortedDictionary<string, string> Headers(HttpListenerRequest request, out List<string> cookies)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        cookies = [];
        foreach (var key in request.Headers.AllKeys)
        {
            if (key is null)
                continue;
            var values = request.Headers.GetValues(key) ?? [];
            var name = key.ToLowerInvariant();
            if (name == "cookie")
            {
                foreach (var line in values)
                    cookies.AddRange(line.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }
            var joined = string.Join(',', values);
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + "," + joined : joined;
        }
        return headers;
    }

    /// <summary>The query string's keys and values, decoded; a repeated key's values joined with commas.</summary>
    public static Dictionary<string, string> Query(string rawQuery)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            query[key] = query.TryGetValue(key, out var earlier) ? earlier + "," + value : value;
        }
        return query;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static void WriteMap(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map)
            json.WriteString(key, value);
        json.WriteEndObject();
    }
}
