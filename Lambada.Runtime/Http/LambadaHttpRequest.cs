using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambada.Runtime.Http;

/// <summary>
/// An HTTP request as Lambda hands it to a function: API Gateway HTTP API and function URL events, payload format 2.0.
/// Header names are lower case; repeated headers and query keys arrive joined with commas; cookies come in <see cref="Cookies"/>.
/// Take it as a handler parameter to read the raw event; the other parameters are still bound by name.
/// </summary>
public sealed record LambadaHttpRequest
{
    /// <summary>Always <c>2.0</c>.</summary>
    [JsonPropertyName("version")] public string Version { get; init; } = "2.0";

    /// <summary>The route that matched (<c>GET /orders/{id}</c>); <c>$default</c> for a function URL.</summary>
    [JsonPropertyName("routeKey")] public string RouteKey { get; init; } = "$default";

    /// <summary>The path as requested, without the query string.</summary>
    [JsonPropertyName("rawPath")] public string RawPath { get; init; } = "/";

    /// <summary>The query string as requested, without the <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")] public string RawQueryString { get; init; } = "";

    [JsonPropertyName("cookies")] public IReadOnlyList<string>? Cookies { get; init; }

    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [JsonPropertyName("queryStringParameters")] public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }

    /// <summary>The route's <c>{param}</c> values (a greedy <c>{proxy+}</c> under its name); none for a function URL.</summary>
    [JsonPropertyName("pathParameters")] public IReadOnlyDictionary<string, string>? PathParameters { get; init; }

    [JsonPropertyName("stageVariables")] public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; init; }

    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; init; }

    [JsonPropertyName("requestContext")] public LambadaHttpRequestContext RequestContext { get; init; } = new();
}

/// <summary>Where the request came from: the API or URL, the caller, the HTTP method and path, the request id and time.</summary>
public sealed record LambadaHttpRequestContext
{
    /// <summary>The owner's account; <c>anonymous</c> for a function URL with auth <c>NONE</c>.</summary>
    [JsonPropertyName("accountId")] public string? AccountId { get; init; }

    /// <summary>The HTTP API's id, or the function URL's id.</summary>
    [JsonPropertyName("apiId")] public string? ApiId { get; init; }

    [JsonPropertyName("domainName")] public string? DomainName { get; init; }

    [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; init; }

    [JsonPropertyName("http")] public LambadaHttpDescription Http { get; init; } = new();

    [JsonPropertyName("requestId")] public string? RequestId { get; init; }

    [JsonPropertyName("routeKey")] public string? RouteKey { get; init; }

    [JsonPropertyName("stage")] public string? Stage { get; init; }

    /// <summary>As <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    [JsonPropertyName("time")] public string? Time { get; init; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timeEpoch")] public long TimeEpoch { get; init; }

    /// <summary>What the authorizer said (<c>iam</c> for an AWS_IAM function URL, <c>jwt</c> or <c>lambda</c> on HTTP APIs), as sent.</summary>
    [JsonPropertyName("authorizer")] public JsonElement? Authorizer { get; init; }

    /// <summary>The client certificate of a mutual-TLS API, as sent.</summary>
    [JsonPropertyName("authentication")] public JsonElement? Authentication { get; init; }
}

/// <summary>The HTTP facts of a request.</summary>
public sealed record LambadaHttpDescription
{
    [JsonPropertyName("method")] public string Method { get; init; } = "GET";

    [JsonPropertyName("path")] public string Path { get; init; } = "/";

    [JsonPropertyName("protocol")] public string Protocol { get; init; } = "HTTP/1.1";

    [JsonPropertyName("sourceIp")] public string? SourceIp { get; init; }

    [JsonPropertyName("userAgent")] public string? UserAgent { get; init; }
}
