using System.Text;
using Lambada.Build.Aws.Signing;

namespace Lambada.Tests.Aws.Signing;

/// <summary>A request to sign, described the way botocore takes it: a wire URL plus headers and body.</summary>
internal sealed record WireRequest(
    string Name,
    string Service,
    string Region,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    string Body = "",
    string? SessionToken = null)
{
    public static readonly DateTime SigningTime = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    public static readonly AwsCredentials ExampleKeys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

    public AwsCredentials Credentials => ExampleKeys with { SessionToken = SessionToken };

    public IReadOnlyList<KeyValuePair<string, string>> Sign() =>
        SigV4Signer.Sign(ToSignable(), Credentials, Region, Service, SigningTime);

    /// <summary>Splits the URL by hand: <see cref="Uri"/> would re-encode the path and query.</summary>
    public SignableRequest ToSignable()
    {
        var schemeEnd = Url.IndexOf("://", StringComparison.Ordinal);
        var scheme = Url[..schemeEnd];
        var rest = Url[(schemeEnd + 3)..];
        var hostEnd = rest.IndexOfAny(['/', '?']);
        var host = hostEnd < 0 ? rest : rest[..hostEnd];
        var pathAndQuery = hostEnd < 0 ? "" : rest[hostEnd..];
        var queryStart = pathAndQuery.IndexOf('?');
        var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
        var query = queryStart < 0 ? "" : pathAndQuery[(queryStart + 1)..];
        return new SignableRequest(Method, WithoutDefaultPort(scheme, host).ToLowerInvariant(), path, query,
            Headers.ToList(), Encoding.UTF8.GetBytes(Body));
    }

    public override string ToString() => Name;

    private static string WithoutDefaultPort(string scheme, string host) =>
        (scheme, host) switch
        {
            ("https", _) when host.EndsWith(":443", StringComparison.Ordinal) => host[..^4],
            ("http", _) when host.EndsWith(":80", StringComparison.Ordinal) => host[..^3],
            _ => host,
        };
}
