using System.Text.Json;

namespace Lambada.Runtime.Http;

/// <summary>
/// Reads a payload-v2 event into a <see cref="LambadaHttpRequest"/> with one <see cref="Utf8JsonReader"/> pass. It reads what
/// the source-generated <c>LambadaJsonContext</c> would, member names matched exactly as AWS spells them and unknown members
/// skipped, but its first call costs a fraction of the generated metadata's (measured in docs/http-b.md): an HTTP function's
/// cold start reads one of these before anything else.
/// </summary>
internal static class HttpRequestReader
{
    /// <exception cref="JsonException">The payload is not a JSON object of the event's shape.</exception>
    public static LambadaHttpRequest Read(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        Expect(ref reader, JsonTokenType.StartObject);
        var request = new LambadaHttpRequest();
        while (Next(ref reader))
        {
            request = reader switch
            {
                _ when reader.ValueTextEquals("version"u8) => request with { Version = Text(ref reader) ?? request.Version },
                _ when reader.ValueTextEquals("routeKey"u8) => request with { RouteKey = Text(ref reader) ?? request.RouteKey },
                _ when reader.ValueTextEquals("rawPath"u8) => request with { RawPath = Text(ref reader) ?? request.RawPath },
                _ when reader.ValueTextEquals("rawQueryString"u8) => request with { RawQueryString = Text(ref reader) ?? request.RawQueryString },
                _ when reader.ValueTextEquals("cookies"u8) => request with { Cookies = Texts(ref reader) },
                _ when reader.ValueTextEquals("headers"u8) => request with { Headers = Map(ref reader) },
                _ when reader.ValueTextEquals("queryStringParameters"u8) => request with { QueryStringParameters = Map(ref reader) },
                _ when reader.ValueTextEquals("pathParameters"u8) => request with { PathParameters = Map(ref reader) },
                _ when reader.ValueTextEquals("stageVariables"u8) => request with { StageVariables = Map(ref reader) },
                _ when reader.ValueTextEquals("body"u8) => request with { Body = Text(ref reader) },
                _ when reader.ValueTextEquals("isBase64Encoded"u8) => request with { IsBase64Encoded = Flag(ref reader) },
                _ when reader.ValueTextEquals("requestContext"u8) => request with { RequestContext = Context(ref reader) ?? request.RequestContext },
                _ => Skip(ref reader, request),
            };
        }
        return request;
    }

    private static LambadaHttpRequestContext? Context(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
            return null;
        var context = new LambadaHttpRequestContext();
        while (Next(ref reader))
        {
            context = reader switch
            {
                _ when reader.ValueTextEquals("accountId"u8) => context with { AccountId = Text(ref reader) },
                _ when reader.ValueTextEquals("apiId"u8) => context with { ApiId = Text(ref reader) },
                _ when reader.ValueTextEquals("domainName"u8) => context with { DomainName = Text(ref reader) },
                _ when reader.ValueTextEquals("domainPrefix"u8) => context with { DomainPrefix = Text(ref reader) },
                _ when reader.ValueTextEquals("http"u8) => context with { Http = Http(ref reader) ?? context.Http },
                _ when reader.ValueTextEquals("requestId"u8) => context with { RequestId = Text(ref reader) },
                _ when reader.ValueTextEquals("routeKey"u8) => context with { RouteKey = Text(ref reader) },
                _ when reader.ValueTextEquals("stage"u8) => context with { Stage = Text(ref reader) },
                _ when reader.ValueTextEquals("time"u8) => context with { Time = Text(ref reader) },
                _ when reader.ValueTextEquals("timeEpoch"u8) => context with { TimeEpoch = Number(ref reader) },
                _ when reader.ValueTextEquals("authorizer"u8) => context with { Authorizer = Element(ref reader) },
                _ when reader.ValueTextEquals("authentication"u8) => context with { Authentication = Element(ref reader) },
                _ => Skip(ref reader, context),
            };
        }
        return context;
    }

    private static LambadaHttpDescription? Http(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
            return null;
        var http = new LambadaHttpDescription();
        while (Next(ref reader))
        {
            http = reader switch
            {
                _ when reader.ValueTextEquals("method"u8) => http with { Method = Text(ref reader) ?? http.Method },
                _ when reader.ValueTextEquals("path"u8) => http with { Path = Text(ref reader) ?? http.Path },
                _ when reader.ValueTextEquals("protocol"u8) => http with { Protocol = Text(ref reader) ?? http.Protocol },
                _ when reader.ValueTextEquals("sourceIp"u8) => http with { SourceIp = Text(ref reader) },
                _ when reader.ValueTextEquals("userAgent"u8) => http with { UserAgent = Text(ref reader) },
                _ => Skip(ref reader, http),
            };
        }
        return http;
    }

    /// <summary>Moves to the next member name of the object being read; false at its end.</summary>
    private static bool Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("The HTTP event ends inside an object.");
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Reads the value after a member name: true at the start of an object, false for null, else the event is malformed.</summary>
    private static bool StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return false;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Malformed(ref reader, "an object");
        return true;
    }

    private static string? Text(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Malformed(ref reader, "a string"),
        };
    }

    private static bool Flag(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Malformed(ref reader, "true or false"),
        };
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Malformed(ref reader, "a whole number");
    }

    private static List<string>? Texts(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Malformed(ref reader, "an array");
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            values.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Malformed(ref reader, "a string"));
        return values;
    }

    private static Dictionary<string, string>? Map(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
            return null;
        var values = new Dictionary<string, string>();
        while (Next(ref reader))
        {
            var name = reader.GetString()!;
            if (Text(ref reader) is { } value)
                values[name] = value;
        }
        return values;
    }

    private static JsonElement? Element(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
    }

    private static T Skip<T>(ref Utf8JsonReader reader, T unchanged)
    {
        reader.Read();
        reader.Skip();
        return unchanged;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
            throw new JsonException("The HTTP event is not a JSON object.");
    }

    private static JsonException Malformed(ref Utf8JsonReader reader, string expected) =>
        new($"The HTTP event has {reader.TokenType} where {expected} belongs (at byte {reader.TokenStartIndex}).");
}
