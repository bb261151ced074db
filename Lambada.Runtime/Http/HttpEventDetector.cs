using System.Text.Json;

namespace Lambada.Runtime.Http;

/// <summary>
/// Tells a payload-v2 HTTP event (a JSON object with <c>"version":"2.0"</c> and a <c>requestContext.http</c> object) from any
/// other payload, in one forward pass of a <see cref="Utf8JsonReader"/>: no document, no allocation, and it stops at the first
/// answer it can give. Anything that is not such an object, malformed JSON included, is not an HTTP event.
/// </summary>
internal static class HttpEventDetector
{
    public static bool IsHttpEvent(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
            return false;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            bool version = false, http = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("2.0"u8))
                        return false;
                    version = true;
                }
                else if (reader.ValueTextEquals("requestContext"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                        return false;
                    http = HasHttpObject(ref reader);
                    if (!http)
                        return false;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
                if (version && http)
                    return true;
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the members of the object the reader stands on; true when one is <c>http</c> holding an object.</summary>
    private static bool HasHttpObject(ref Utf8JsonReader reader)
    {
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isHttp = reader.ValueTextEquals("http"u8);
            reader.Read();
            found |= isHttp && reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
        }
        return found;
    }
}
