using System.Diagnostics.CodeAnalysis;

namespace Lambada.Runtime.Local.Serve;

/// <summary>
/// Every <c>[LambadaHttp]</c> route of the served functions, most specific first, and every <c>[LambadaUrl]</c> function
/// under <see cref="UrlPrefix"/>: what a request's method and path reach.
/// </summary>
[RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
internal sealed class RouteTable
{
    /// <summary>A function URL is served at <c>/_url/{functionName}/</c>; the rest of the path is the URL's own path.</summary>
    public const string UrlPrefix = "/_url/";

    private readonly (RouteTemplate Template, ServedFunction Function)[] _routes;
    private readonly Dictionary<string, ServedFunction> _urls;

    public RouteTable(IEnumerable<ServedFunction> functions, TextWriter errors)
    {
        var routes = new List<(RouteTemplate, ServedFunction)>();
        _urls = new Dictionary<string, ServedFunction>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            foreach (var key in function.Entry.Routes)
            {
                var template = RouteTemplate.Parse(key);
                if (template is null)
                {
                    errors.WriteLine($"lambada serve: '{key}' of {function.Name} is not a route key (METHOD /path or $default); not served");
                    continue;
                }
                var taken = routes.FirstOrDefault(r => r.Item1.RouteKey == key);
                if (taken.Item2 is not null)
                {
                    errors.WriteLine($"lambada serve: route '{key}' is declared by {taken.Item2.Name} and {function.Name}; {taken.Item2.Name} serves it");
                    continue;
                }
                routes.Add((template, function));
            }
            if (function.Entry.Url is not null)
                _urls[function.Name] = function;
        }
        _routes = [.. routes.OrderBy(r => r.Item1, Comparer<RouteTemplate>.Create(RouteTemplate.CompareSpecificity))];
    }

    /// <summary>The routes, most specific first.</summary>
    public IReadOnlyList<(RouteTemplate Template, ServedFunction Function)> Routes => _routes;

    /// <summary>The functions with a URL, by name.</summary>
    public IReadOnlyCollection<ServedFunction> Urls => _urls.Values;

    /// <summary>The most specific route matching <paramref name="method"/> and <paramref name="rawPath"/>; null when none does.</summary>
    public RouteMatch? MatchRoute(string method, string rawPath)
    {
        var segments = RouteTemplate.Split(rawPath);
        foreach (var (template, function) in _routes)
        {
            if (template.TryMatch(method, segments, out var parameters))
                return new RouteMatch(function, template.RouteKey, parameters);
        }
        return null;
    }

    /// <summary>
    /// The function URL <paramref name="rawPath"/> names (<c>/_url/{name}</c> or <c>/_url/{name}/rest</c>) and the path the
    /// function sees (<c>/</c>, <c>/rest</c>); null when the path is not under <see cref="UrlPrefix"/> or names no URL function.
    /// </summary>
    public (ServedFunction Function, string Path)? MatchUrl(string rawPath)
    {
        if (!rawPath.StartsWith(UrlPrefix, StringComparison.Ordinal))
            return null;
        var rest = rawPath[UrlPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString(slash < 0 ? rest : rest[..slash]);
        return _urls.TryGetValue(name, out var function) ? (function, slash < 0 ? "/" : rest[slash..]) : null;
    }
}

/// <summary>A route a request reached: the function, the route key, the path parameters (null when the route has none).</summary>
internal sealed record RouteMatch(ServedFunction Function, string RouteKey, IReadOnlyDictionary<string, string>? PathParameters);
