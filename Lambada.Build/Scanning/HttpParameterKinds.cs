using Lambada.Build.Model;

namespace Lambada.Build.Scanning;

/// <summary>How the host binds one parameter of an HTTP function (<c>[LambadaUrl]</c> or <c>[LambadaHttp]</c>).</summary>
internal enum HttpParameterKind
{
    /// <summary><c>LambadaHttpRequest</c>: the whole payload-v2 event.</summary>
    Request,
    Context,
    CancellationToken,

    /// <summary><c>Stream</c>: the raw body bytes.</summary>
    Stream,

    /// <summary>A string, number, Guid, date, time, enum or nullable of those: bound by name from the route, else the query string.</summary>
    Simple,

    /// <summary>Any other type: the JSON body.</summary>
    Body,

    /// <summary><c>LambadaHttpResponse</c>, which is what a handler returns, never something a request carries.</summary>
    Response,
}

/// <summary>
/// The binding contract of HTTP functions, shared by the scan (which types get source-generated JSON) and the rules (what
/// the host can bind): the runtime's own types by full name, since the build never loads Lambada.Runtime.
/// </summary>
internal static class HttpParameterKinds
{
    public const string RequestType = "Lambada.Runtime.Http.LambadaHttpRequest";
    public const string ResponseType = "Lambada.Runtime.Http.LambadaHttpResponse";
    public const string StreamType = "System.IO.Stream";
    private const string NullableType = "System.Nullable`1";
    private const string EnumType = "System.Enum";

    /// <summary>The simple types by full name; enums and <c>Nullable&lt;&gt;</c> of the value types are simple too.</summary>
    public static readonly IReadOnlySet<string> SimpleTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.String", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Guid", "System.DateTime",
        "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
    };

    public static HttpParameterKind Of(SignatureType type) => type.FullName switch
    {
        _ when type.Form != SignatureTypeForm.Named => HttpParameterKind.Body,
        RequestType => HttpParameterKind.Request,
        ResponseType => HttpParameterKind.Response,
        HandlerShape.ContextType => HttpParameterKind.Context,
        HandlerShape.CancellationTokenType => HttpParameterKind.CancellationToken,
        StreamType => HttpParameterKind.Stream,
        _ => IsSimple(type) ? HttpParameterKind.Simple : HttpParameterKind.Body,
    };

    public static bool IsSimple(SignatureType type) =>
        type.Form == SignatureTypeForm.Named
        && (SimpleTypes.Contains(type.FullName)
            || IsEnum(type)
            || (type.FullName == NullableType && type.Arguments.Count == 1 && type.Arguments[0].FullName != "System.String" && IsSimple(type.Arguments[0])));

    private static bool IsEnum(SignatureType type) => type.FullName != EnumType && type.Ancestors.Contains(EnumType);
}
