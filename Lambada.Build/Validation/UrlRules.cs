using System.Text.RegularExpressions;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0176–0181 (and LMB0108 for an enum value the attribute's enum lacks): a <c>[LambadaUrl]</c> is what Lambda's
/// CreateFunctionUrlConfig takes — AWS's CORS limits, and an invoke mode the Lambada host can serve.
/// </summary>
internal static partial class UrlRules
{
    public const int MaxOrigins = 100;
    public const int MaxOriginLength = 253;
    public const int MaxMethods = 6;
    public const int MaxHeaders = 100;
    public const int MaxHeaderLength = 1024;
    public const int MaxMaxAge = 86400;

    /// <summary>The CORS methods Lambda takes: each at most 6 characters, so OPTIONS (which the URL answers itself) is not one.</summary>
    public static readonly IReadOnlyList<string> CorsMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "*"];

    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        if (f.Model.Url is not { } url)
            yield break;
        if (url.AuthType is not (FunctionUrlDefinition.AwsIam or FunctionUrlDefinition.None))
            yield return f.Report(DiagnosticCatalogue.UnknownEnumValue, nameof(LambadaUrlAttribute.Auth), url.AuthType, nameof(LambadaAuth));
        if (url.InvokeMode == FunctionUrlDefinition.ResponseStream)
            yield return f.Report(DiagnosticCatalogue.ResponseStreamUnsupported, f.Model.MethodId);
        else if (url.InvokeMode != FunctionUrlDefinition.Buffered)
            yield return f.Report(DiagnosticCatalogue.UnknownEnumValue, nameof(LambadaUrlAttribute.InvokeMode), url.InvokeMode, nameof(LambadaInvokeMode));
        if (url.Cors is { } cors)
            foreach (var diagnostic in CheckCors(f, cors))
                yield return diagnostic;
    }

    private static IEnumerable<Diagnostic> CheckCors(FunctionUnderCheck f, UrlCors cors)
    {
        if (cors.AllowOrigins.Count > MaxOrigins)
            yield return f.Report(DiagnosticCatalogue.InvalidCorsOrigin, $"has {cors.AllowOrigins.Count} origins, AWS allows {MaxOrigins}");
        foreach (var origin in cors.AllowOrigins)
            if (OriginProblem(origin) is { } problem)
                yield return f.Report(DiagnosticCatalogue.InvalidCorsOrigin, $"has '{origin}', which {problem}");

        if (cors.AllowMethods.Count > MaxMethods)
            yield return f.Report(DiagnosticCatalogue.InvalidCorsMethod, $"has {cors.AllowMethods.Count} methods, AWS allows {MaxMethods}");
        foreach (var method in cors.AllowMethods)
            if (MethodProblem(method) is { } problem)
                yield return f.Report(DiagnosticCatalogue.InvalidCorsMethod, $"has '{method}', which {problem}");

        foreach (var diagnostic in CheckHeaders(f, nameof(LambadaUrlAttribute.CorsHeaders), cors.AllowHeaders)
            .Concat(CheckHeaders(f, nameof(LambadaUrlAttribute.CorsExposeHeaders), cors.ExposeHeaders)))
            yield return diagnostic;

        if (cors.MaxAge is < 0 or > MaxMaxAge)
            yield return f.Report(DiagnosticCatalogue.CorsMaxAgeOutOfRange, cors.MaxAge);
        if (cors.AllowCredentials && cors.AllowOrigins.Contains("*"))
            yield return f.Report(DiagnosticCatalogue.CorsCredentialsWithAnyOrigin);
    }

    private static IEnumerable<Diagnostic> CheckHeaders(FunctionUnderCheck f, string property, IReadOnlyList<string> headers)
    {
        if (headers.Count > MaxHeaders)
            yield return f.Report(DiagnosticCatalogue.InvalidCorsHeader, property, $"has {headers.Count} headers, AWS allows {MaxHeaders}");
        foreach (var header in headers)
        {
            var problem = header.Length == 0 ? "an empty name"
                : header.Length > MaxHeaderLength ? $"a name of {header.Length} characters"
                : header.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? $"'{header}', which has a space or control character"
                : null;
            if (problem is not null)
                yield return f.Report(DiagnosticCatalogue.InvalidCorsHeader, property, $"has {problem}");
        }
    }

    private static string? OriginProblem(string origin)
    {
        if (origin == "*")
            return null;
        if (origin.Length == 0)
            return "is empty";
        if (origin.Length > MaxOriginLength)
            return $"is {origin.Length} characters long";
        var match = Origin().Match(origin);
        if (!match.Success)
            return origin.Contains("://", StringComparison.Ordinal) && Origin().IsMatch(origin.TrimEnd('/'))
                ? "ends with '/', but an origin has no path"
                : "is not '*' or http(s)://host[:port]";
        return match.Groups["port"].Success && int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 65535
            ? "has a port outside 1–65535"
            : null;
    }

    private static string? MethodProblem(string method)
    {
        if (CorsMethods.Contains(method))
            return null;
        if (CorsMethods.Contains(method.ToUpperInvariant()))
            return "is not in capitals";
        return method.ToUpperInvariant() == "OPTIONS"
            ? "has 7 characters, and the URL answers OPTIONS preflights itself"
            : "is not an HTTP method AWS takes here";
    }

    // A DNS name (letters, digits, '-', dots between labels) or an IPv4 address, then an optional port; \z, not $.
    [GeneratedRegex(@"^https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::(?<port>[0-9]{1,5}))?\z")]
    private static partial Regex Origin();
}
