using System.Text.Json;
using System.Xml.Linq;

namespace Lambada.Build.Aws.Http;

/// <summary>
/// Reads an AWS error response: rest-json (Lambda: <c>x-amzn-ErrorType</c> header, or <c>__type</c>/<c>code</c> in the body)
/// and query/XML (IAM, STS: <c>&lt;Error&gt;&lt;Code&gt;</c>).
/// </summary>
internal static class AwsErrorParser
{
    public static AwsServiceException Parse(string operation, AwsResponse response)
    {
        var (code, message) = response.Body.Length > 0 && response.Body[0] == (byte)'<' ? FromXml(response.Body) : FromJson(response.Body);
        var headerCode = response.Header("x-amzn-ErrorType")?.Split(':')[0];
        code = NonEmpty(headerCode) ?? NonEmpty(code) ?? $"HTTP{response.StatusCode}";
        message = NonEmpty(response.Header("x-amzn-error-message")) ?? NonEmpty(message) ?? "(no message)";
        var requestId = response.Header("x-amzn-RequestId") ?? response.Header("x-amz-request-id");
        return new AwsServiceException(operation, code, message, response.StatusCode, requestId, RetryAfter(response));
    }

    private static (string? Code, string? Message) FromJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, null);
            var root = document.RootElement;
            var type = String(root, "__type") ?? String(root, "code") ?? String(root, "Code");
            var code = type?[(type.LastIndexOf('#') + 1)..];
            return (code, String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static (string? Code, string? Message) FromXml(byte[] body)
    {
        try
        {
            var error = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            string? Child(string name) => error?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            return (Child("Code"), Child("Message") ?? Child("message"));
        }
        catch (System.Xml.XmlException)
        {
            return (null, null);
        }
    }

    private static TimeSpan? RetryAfter(AwsResponse response) =>
        int.TryParse(response.Header("Retry-After"), out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
