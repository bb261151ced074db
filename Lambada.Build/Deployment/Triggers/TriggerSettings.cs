using System.Globalization;
using System.Text;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>
/// The names Lambada gives what a function's HTTP triggers need, and the part of <c>LAMBADA_SETTINGS</c> they add: the
/// URL's auth, invoke mode and CORS, each route with its authorization, and the API's name. A function without a trigger
/// adds nothing, so its digest stays what earlier versions wrote and an upgrade redeploys nothing.
/// </summary>
internal static class TriggerSettings
{
    /// <summary>Every statement id Lambada writes starts so; no other statement is ever changed or removed.</summary>
    public const string StatementPrefix = "Lambada";
    public const string UrlPublicSid = "LambadaUrlPublic";
    public const string UrlInvokeSid = "LambadaUrlInvoke";
    public const string HttpApiSid = "LambadaHttpApi";

    /// <summary>The one stage Lambada makes: <c>$default</c>, deployed automatically, so the invoke URL has no stage segment.</summary>
    public const string StageName = "$default";

    public static bool HasTriggers(FunctionDefinition function) => function.Url is not null || function.Routes.Count > 0;

    public static string DigestText(FunctionDefinition function, string? httpApiName)
    {
        if (!HasTriggers(function))
            return "";
        var text = new StringBuilder();
        if (function.Url is { } url)
        {
            text.Append("url:").Append(url.AuthType).Append(';').Append(url.InvokeMode);
            if (Cors(url) is { } cors)
                text.Append(";cors=").Append(List(cors.AllowOrigins)).Append(List(cors.AllowMethods)).Append(List(cors.AllowHeaders))
                    .Append(List(cors.ExposeHeaders)).Append(cors.AllowCredentials == true ? "credentials" : "").Append(';')
                    .Append((cors.MaxAge ?? 0).ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        foreach (var route in function.Routes.OrderBy(r => r.RouteKey, StringComparer.Ordinal))
            text.Append("route:").Append(route.RouteKey).Append('=').Append(route.AuthorizationType).Append('\n');
        if (function.Routes.Count > 0)
            text.Append("api:").Append(httpApiName).Append('\n');
        return text.ToString();
    }

    /// <summary>What Create/UpdateFunctionUrlConfig send for the attribute.</summary>
    public static FunctionUrlSettings UrlSettings(FunctionUrlDefinition url) => new(url.AuthType, url.InvokeMode, Cors(url));

    /// <summary>The attribute's CORS in Lambda's shape; null when it sets none (an all-empty CORS is none too).</summary>
    public static FunctionUrlCors? Cors(FunctionUrlDefinition url) => url.Cors is not { } c ? null : Normal(new FunctionUrlCors
    {
        AllowOrigins = c.AllowOrigins,
        AllowMethods = c.AllowMethods,
        AllowHeaders = c.AllowHeaders,
        ExposeHeaders = c.ExposeHeaders,
        AllowCredentials = c.AllowCredentials ? true : null,
        MaxAge = c.MaxAge == 0 ? null : c.MaxAge,
    });

    /// <summary>Null for a CORS that says nothing, so "no CORS" and "an empty CORS" (Lambda returns either) compare equal.</summary>
    public static FunctionUrlCors? Normal(FunctionUrlCors? cors) =>
        cors is null || ((cors.AllowOrigins?.Count ?? 0) + (cors.AllowMethods?.Count ?? 0) + (cors.AllowHeaders?.Count ?? 0)
                         + (cors.ExposeHeaders?.Count ?? 0) == 0 && cors.AllowCredentials != true && (cors.MaxAge ?? 0) == 0)
            ? null
            : cors;

    /// <summary><c>[a, b]</c>: how the plan prints a list.</summary>
    public static string List(IEnumerable<string>? items) => $"[{string.Join(", ", items ?? [])}]";

    /// <summary>The function a Lambda integration URI points at (<c>…:function:NAME</c>, qualifier and REST suffix cut off); null for anything else.</summary>
    public static string? FunctionOf(string? integrationUri)
    {
        if (integrationUri is null)
            return null;
        var at = integrationUri.LastIndexOf(":function:", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var name = integrationUri[(at + ":function:".Length)..];
        var end = name.IndexOfAny([':', '/']);
        return end < 0 ? name : name[..end];
    }

    /// <summary>The account of a function ARN (<c>arn:aws:lambda:REGION:ACCOUNT:function:NAME</c>), so the API's SourceArn needs no STS call.</summary>
    public static string? AccountOf(string? functionArn) => functionArn?.Split(':') is { Length: > 4 } parts ? parts[4] : null;

    /// <summary><c>arn:aws:execute-api:{region}:{account}:{apiId}/*/*</c>: every stage and route of the API (ArnLike).</summary>
    public static string ApiSourceArn(string region, string account, string apiId) => $"arn:aws:execute-api:{region}:{account}:{apiId}/*/*";
}
