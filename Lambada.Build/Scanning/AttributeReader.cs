using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Turns Lambada's custom attributes into plain values. Named arguments are matched by property name;
/// enums arrive as their underlying number. The names are Lambada.Attributes' own (<c>nameof</c>, compile-time only).
/// </summary>
internal static class AttributeReader
{
    public static FunctionSettings ReadFunction(CustomAttribute attribute)
    {
        var settings = new FunctionSettings();
        foreach (var (name, value) in NamedArguments(attribute))
        {
            settings = name switch
            {
                nameof(LambadaFunctionAttribute.Name) => settings with { Name = value as string },
                nameof(LambadaFunctionAttribute.MemorySize) => settings with { MemorySize = ToInt(value) },
                nameof(LambadaFunctionAttribute.Timeout) => settings with { Timeout = ToInt(value) },
                nameof(LambadaFunctionAttribute.Role) => settings with { Role = value as string },
                nameof(LambadaFunctionAttribute.Description) => settings with { Description = value as string },
                nameof(LambadaFunctionAttribute.Alias) => settings with { Alias = value as string },
                nameof(LambadaFunctionAttribute.Runtime) => settings with { Runtime = ToInt(value) },
                nameof(LambadaFunctionAttribute.Architecture) => settings with { Architecture = ToInt(value) },
                nameof(LambadaFunctionAttribute.EphemeralStorage) => settings with { EphemeralStorage = ToInt(value) },
                nameof(LambadaFunctionAttribute.ReservedConcurrency) => settings with { ReservedConcurrency = ToInt(value) },
                _ => settings,
            };
        }
        return settings;
    }

    public static AssemblyDefaults ReadDefaults(CustomAttribute attribute)
    {
        var defaults = new AssemblyDefaults();
        foreach (var (name, value) in NamedArguments(attribute))
        {
            defaults = name switch
            {
                nameof(LambadaDefaultsAttribute.MemorySize) => defaults with { MemorySize = ToInt(value) },
                nameof(LambadaDefaultsAttribute.Timeout) => defaults with { Timeout = ToInt(value) },
                nameof(LambadaDefaultsAttribute.Role) => defaults with { Role = value as string },
                nameof(LambadaDefaultsAttribute.Runtime) => defaults with { Runtime = ToInt(value) },
                nameof(LambadaDefaultsAttribute.Architecture) => defaults with { Architecture = ToInt(value) },
                nameof(LambadaDefaultsAttribute.EphemeralStorage) => defaults with { EphemeralStorage = ToInt(value) },
                _ => defaults,
            };
        }
        return defaults;
    }

    /// <summary>
    /// A <c>[LambadaUrl]</c> in Lambda's wire words. An enum value the attribute's enum does not have is kept as its number
    /// (<c>"5"</c>), for validation to report (LMB0108). CORS is null unless a <c>Cors…</c> value other than its default is written.
    /// </summary>
    public static FunctionUrlDefinition ReadUrl(CustomAttribute attribute)
    {
        var url = new FunctionUrlDefinition();
        UrlCors? cors = null;
        foreach (var (name, value) in NamedArguments(attribute))
        {
            switch (name)
            {
                case nameof(LambadaUrlAttribute.Auth):
                    url = url with { AuthType = AuthWord(ToInt(value)) };
                    break;
                case nameof(LambadaUrlAttribute.InvokeMode):
                    url = url with { InvokeMode = InvokeModeWord(ToInt(value)) };
                    break;
                case nameof(LambadaUrlAttribute.CorsOrigins):
                    cors = (cors ?? new UrlCors()) with { AllowOrigins = ToStrings(value) };
                    break;
                case nameof(LambadaUrlAttribute.CorsMethods):
                    cors = (cors ?? new UrlCors()) with { AllowMethods = ToStrings(value) };
                    break;
                case nameof(LambadaUrlAttribute.CorsHeaders):
                    cors = (cors ?? new UrlCors()) with { AllowHeaders = ToStrings(value) };
                    break;
                case nameof(LambadaUrlAttribute.CorsExposeHeaders):
                    cors = (cors ?? new UrlCors()) with { ExposeHeaders = ToStrings(value) };
                    break;
                case nameof(LambadaUrlAttribute.CorsAllowCredentials):
                    cors = (cors ?? new UrlCors()) with { AllowCredentials = value is true };
                    break;
                case nameof(LambadaUrlAttribute.CorsMaxAge):
                    cors = (cors ?? new UrlCors()) with { MaxAge = ToInt(value) };
                    break;
            }
        }
        return url with { Cors = cors is null || IsEmpty(cors) ? null : cors };
    }

    // CorsMaxAge = 0 or CorsAllowCredentials = false written out say no more than leaving them out: no CORS.
    private static bool IsEmpty(UrlCors cors) =>
        cors.AllowOrigins.Count == 0 && cors.AllowMethods.Count == 0 && cors.AllowHeaders.Count == 0 && cors.ExposeHeaders.Count == 0
        && !cors.AllowCredentials && cors.MaxAge == 0;

    /// <summary>A <c>[LambadaHttp]</c>: its route key as written, its authorization type in API Gateway's words, and <c>Ignore</c>.</summary>
    public static HttpRouteDefinition ReadRoute(CustomAttribute attribute)
    {
        var route = new HttpRouteDefinition
        {
            RouteKey = attribute.ConstructorArguments.Count > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "",
        };
        foreach (var (name, value) in NamedArguments(attribute))
        {
            route = name switch
            {
                nameof(LambadaHttpAttribute.Auth) => route with { AuthorizationType = AuthWord(ToInt(value)) },
                nameof(LambadaHttpAttribute.Ignore) => route with { Ignored = ToStrings(value) },
                _ => route,
            };
        }
        return route;
    }

    private static string AuthWord(int value) => value switch
    {
        (int)LambadaAuth.AwsIam => FunctionUrlDefinition.AwsIam,
        (int)LambadaAuth.None => FunctionUrlDefinition.None,
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string InvokeModeWord(int value) => value switch
    {
        (int)LambadaInvokeMode.Buffered => FunctionUrlDefinition.Buffered,
        (int)LambadaInvokeMode.ResponseStream => FunctionUrlDefinition.ResponseStream,
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A <c>string[]</c> argument arrives from Cecil as <c>CustomAttributeArgument[]</c>; null (none written) is empty.</summary>
    private static string[] ToStrings(object? value) => value is CustomAttributeArgument[] items
        ? items.Select(i => i.Value as string ?? "").ToArray()
        : [];

    /// <summary>The (key, value) pair of a <c>[LambadaEnvironment]</c> or <c>[LambadaTag]</c>.</summary>
    public static KeyValuePair<string, string> ReadPair(CustomAttribute attribute) => new(
        attribute.ConstructorArguments[0].Value as string ?? "",
        attribute.ConstructorArguments[1].Value as string ?? "");

    private static IEnumerable<(string Name, object? Value)> NamedArguments(CustomAttribute attribute) =>
        attribute.Properties.Concat(attribute.Fields).Select(a => (a.Name, (object?)a.Argument.Value));

    private static int ToInt(object? value) => value is null ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
}
