using System;

namespace Lambada;

/// <summary>
/// Gives the function a Lambda function URL (<c>https://&lt;id&gt;.lambda-url.&lt;region&gt;.on.aws/</c>). The request arrives as an
/// HTTP event (payload format 2.0): parameters are bound from the query string and the JSON body by name, or take the whole
/// <c>Lambada.Runtime.Http.LambadaHttpRequest</c>. Auth is <see cref="LambadaAuth.AwsIam"/> unless <see cref="LambadaAuth.None"/>
/// is written out; with <c>None</c> the deploy adds the two resource-policy statements AWS requires for public access.
/// CORS values follow AWS's limits, checked at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LambadaUrlAttribute : Attribute
{
    /// <summary>Who may call the URL. Default: <see cref="LambadaAuth.AwsIam"/>.</summary>
    public LambadaAuth Auth { get; set; }

    /// <summary>Buffered (default) or response streaming.</summary>
    public LambadaInvokeMode InvokeMode { get; set; }

    /// <summary>CORS origins allowed: <c>*</c> or <c>https://host[:port]</c>; at most 100, each 1–253 characters. None: no CORS.</summary>
    public string[]? CorsOrigins { get; set; }

    /// <summary>CORS methods allowed (<c>GET</c>, <c>POST</c>, … or <c>*</c>); at most 6.</summary>
    public string[]? CorsMethods { get; set; }

    /// <summary>Request headers allowed in CORS requests; at most 100, each at most 1024 characters.</summary>
    public string[]? CorsHeaders { get; set; }

    /// <summary>Response headers exposed to the browser; at most 100, each at most 1024 characters.</summary>
    public string[]? CorsExposeHeaders { get; set; }

    /// <summary>Whether CORS requests may carry credentials (cookies). Not allowed with the origin <c>*</c>.</summary>
    public bool CorsAllowCredentials { get; set; }

    /// <summary>Seconds a browser may cache a preflight answer, 0–86400. Default: 0.</summary>
    public int CorsMaxAge { get; set; }
}
