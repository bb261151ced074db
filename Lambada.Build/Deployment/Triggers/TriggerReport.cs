using Lambada.Build.Model;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>
/// The lines after the table: what happens to the API as a whole, then one line per function URL
/// (<c>lb_x  url  https://…/  AWS_IAM</c>) and per route (<c>GET /runtime  https://{apiId}.execute-api.{region}.amazonaws.com/runtime  -> lb_y  NONE</c>),
/// on every deploy, unchanged ones too. Functions in name order, routes in key order.
/// </summary>
internal static class TriggerReport
{
    public const string NotYetKnown = "(made by the deploy)";

    public static IReadOnlyList<string> Format(IReadOnlyList<FunctionDefinition> functions, IReadOnlyDictionary<string, string> urls, string? apiEndpoint,
        string? apiId, string region, ApiPlan api, IReadOnlySet<string> failed)
    {
        var lines = new List<string>();
        if (api.All.Any())
            lines.Add(string.Join("; ", api.All.Select(c => c.Words)));
        var urlRows = functions.Where(f => f.Url is not null && !failed.Contains(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new[] { f.Name, "url", urls.GetValueOrDefault(f.Name) ?? NotYetKnown, f.Url!.AuthType }).ToList();
        var endpoint = Endpoint(apiEndpoint, apiId, region);
        var routeRows = functions.Where(f => !failed.Contains(f.Name)).SelectMany(f => f.Routes.Select(r => (f, r)))
            .OrderBy(x => x.r.RouteKey, StringComparer.Ordinal)
            .Select(x => new[] { x.r.RouteKey, endpoint is null ? NotYetKnown : InvokeUrl(endpoint, x.r.RouteKey), $"-> {x.f.Name}", x.r.AuthorizationType })
            .ToList();
        lines.AddRange(Aligned(urlRows));
        lines.AddRange(Aligned(routeRows));
        return lines;
    }

    /// <summary>Each group's columns padded to the group's widest cell.</summary>
    private static IEnumerable<string> Aligned(IReadOnlyList<string[]> rows)
    {
        if (rows.Count == 0)
            return [];
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }

    /// <summary><c>https://{apiId}.execute-api.{region}.amazonaws.com</c> unless the API says its endpoint itself.</summary>
    public static string? Endpoint(string? apiEndpoint, string? apiId, string region) =>
        !string.IsNullOrEmpty(apiEndpoint) ? apiEndpoint.TrimEnd('/') : apiId is null ? null : $"https://{apiId}.execute-api.{region}.amazonaws.com";

    /// <summary>The <c>$default</c> stage serves at the root: <c>GET /orders/{id}</c> → <c>{endpoint}/orders/{id}</c>, <c>$default</c> → <c>{endpoint}/</c>.</summary>
    public static string InvokeUrl(string endpoint, string routeKey)
    {
        var space = routeKey.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? endpoint + "/" : endpoint + routeKey[(space + 1)..];
    }
}
