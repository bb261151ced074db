using System.Globalization;

namespace Lambada.Runtime.Local.Serve;

/// <summary>
/// A function URL's CORS, from its <c>[LambadaUrl]</c>, applied as Lambda applies it: a preflight (<c>OPTIONS</c> with
/// <c>Origin</c> and <c>Access-Control-Request-Method</c>) is answered without calling the function, and every other answer
/// to an allowed origin gets <c>Access-Control-Allow-Origin</c> (and the exposed headers, and credentials), replacing what
/// the function set itself. No origins configured: no CORS, and <c>OPTIONS</c> goes to the function.
/// </summary>
internal sealed class UrlCors(LambadaUrlAttribute url)
{
    public bool Configured => url.CorsOrigins is { Length: > 0 };

    public static bool IsPreflight(string method, Func<string, string?> header) =>
        method == "OPTIONS" && header("Origin") is not null && header("Access-Control-Request-Method") is not null;

    /// <summary>The origin to allow for a request from <paramref name="origin"/>: <c>*</c>, the origin itself, or null (not allowed).</summary>
    public string? AllowedOrigin(string? origin)
    {
        if (url.CorsOrigins is not { Length: > 0 } origins)
            return null;
        if (origins.Contains("*"))
            return "*";
        return origin is not null && origins.Any(o => string.Equals(o.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) ? origin : null;
    }

    /// <summary>The preflight answer: 200, no body, the allowed origin, methods, headers, max age and credentials.</summary>
    public HttpAnswer Preflight(string? origin)
    {
        var answer = new HttpAnswer(200, []);
        var allowed = AllowedOrigin(origin);
        if (allowed is null)
            return answer;
        answer.With("access-control-allow-origin", allowed);
        if (url.CorsMethods is { Length: > 0 })
            answer.With("access-control-allow-methods", string.Join(',', url.CorsMethods));
        if (url.CorsHeaders is { Length: > 0 })
            answer.With("access-control-allow-headers", string.Join(',', url.CorsHeaders));
        if (url.CorsMaxAge > 0)
            answer.With("access-control-max-age", url.CorsMaxAge.ToString(CultureInfo.InvariantCulture));
        if (url.CorsAllowCredentials)
            answer.With("access-control-allow-credentials", "true");
        if (allowed != "*")
            answer.With("vary", "Origin");
        return answer;
    }

    /// <summary>Adds the CORS headers to an answer of the function, over the function's own.</summary>
    public HttpAnswer Apply(HttpAnswer answer, string? origin)
    {
        var allowed = AllowedOrigin(origin);
        if (allowed is null)
            return answer;
        answer.Replace("access-control-allow-origin", allowed);
        if (url.CorsExposeHeaders is { Length: > 0 })
            answer.Replace("access-control-expose-headers", string.Join(',', url.CorsExposeHeaders));
        if (url.CorsAllowCredentials)
            answer.Replace("access-control-allow-credentials", "true");
        if (allowed != "*")
            answer.Replace("vary", "Origin");
        return answer;
    }
}
