using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lambada.Build.Aws.Signing;

/// <summary>
/// AWS Signature Version 4, as botocore's <c>SigV4Auth</c> computes it: every header is signed except the
/// hop-by-hop ones botocore skips, the path is encoded a second time (all services but S3), and a session
/// token is signed as <c>X-Amz-Security-Token</c>.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "connection", "content-length", "expect", "keep-alive", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    };

    /// <summary>The headers to add to the request: <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> when there is a token, and <c>Authorization</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Sign(
        SignableRequest request, AwsCredentials credentials, string region, string service, DateTime utcNow)
    {
        var amzDate = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var added = new List<KeyValuePair<string, string>> { new("X-Amz-Date", amzDate) };
        if (credentials.SessionToken is { Length: > 0 } token)
            added.Add(new("X-Amz-Security-Token", token));

        var canonical = CanonicalRequest(request, added, service);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = StringToSign(amzDate, scope, canonical.Text);
        var key = SigningKey(credentials.SecretAccessKey, date, region, service);
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        added.Add(new("Authorization",
            $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={canonical.SignedHeaders}, Signature={signature}"));
        return added;
    }

    /// <summary>Step 2 of SigV4; public so tests can compare it with botocore's.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>
    /// The canonical request (step 1 of SigV4); public so tests can compare it line by line with botocore's.
    /// A header in <paramref name="addedHeaders"/> replaces the request's own of that name; a <c>Host</c> header of the request wins over <see cref="SignableRequest.Host"/>.
    /// </summary>
    public static (string Text, string SignedHeaders) CanonicalRequest(
        SignableRequest request, IEnumerable<KeyValuePair<string, string>> addedHeaders, string service)
    {
        var added = addedHeaders.ToList();
        var own = request.Headers
            .Where(h => !added.Any(a => a.Key.Equals(h.Key, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (!own.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            own.Add(new("host", request.Host));
        var headers = own
            .Concat(added)
            .Where(h => !UnsignedHeaders.Contains(h.Key))
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => CanonicalHeaderValue(h.Value)))))
            .ToList();
        var signedHeaders = string.Join(";", headers.Select(h => h.Name));
        var payloadHash = request.Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Content-SHA256", StringComparison.OrdinalIgnoreCase)).Value
                          ?? Hex(SHA256.HashData(request.Body.Span));
        var text = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(request.Path, doubleEncode: service != "s3")).Append('\n')
            .Append(CanonicalQuery(request.Query)).Append('\n')
            .Append(string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(payloadHash)
            .ToString();
        return (text, signedHeaders);
    }

    private static string CanonicalPath(string path, bool doubleEncode)
    {
        var normalized = NormalizePath(path);
        return doubleEncode ? UriEncoding.Encode(normalized, keepSlash: true) : normalized;
    }

    private static string NormalizePath(string path)
    {
        if (path.Length == 0)
            return "/";
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        var normalized = "/" + string.Join("/", segments);
        return path.EndsWith('/') && segments.Count > 0 ? normalized + "/" : normalized;
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length == 0)
            return "";
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                return equals < 0 ? (Key: pair, Value: "") : (Key: pair[..equals], Value: pair[(equals + 1)..]);
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join("&", pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    private static string CanonicalHeaderValue(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
