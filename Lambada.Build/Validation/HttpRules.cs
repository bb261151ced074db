using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Build.Scanning;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0170–0174 (and LMB0108, LMB0183): a function's <c>[LambadaHttp]</c> routes are keys API Gateway takes, each declared
/// once, and every <c>{param}</c> of a route is bound by a parameter of that name (case-insensitive, as the host binds it),
/// listed in <c>Ignore</c>, or left to a handler that takes the whole <c>LambadaHttpRequest</c>. Across the assembly a
/// route belongs to one function (<see cref="CheckAssembly"/>), and the API's name fits API Gateway's 128 characters.
/// </summary>
internal static class HttpRules
{
    public const int MaxApiNameLength = 128;

    public static bool IsHttp(FunctionModel function) => function.Url is not null || function.Routes.Count > 0;

    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var parameters = f.Model.Shape.Parameters;
        var readsRequest = parameters.Any(p => HttpParameterKinds.Of(p.Shape) == HttpParameterKind.Request);
        var reportedParameters = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var route in f.Model.Routes)
        {
            if (route.AuthorizationType is not (HttpRouteDefinition.AwsIam or HttpRouteDefinition.None))
                yield return f.Report(DiagnosticCatalogue.UnknownEnumValue, nameof(LambadaHttpAttribute.Auth), route.AuthorizationType, nameof(LambadaAuth));

            var template = RouteTemplate.Parse(route.RouteKey, out var problem);
            if (template is null)
            {
                yield return f.Report(DiagnosticCatalogue.InvalidRoute, route.RouteKey, problem);
                continue;
            }
            if (seen.TryGetValue(template.Shape, out var first))
                yield return f.Report(DiagnosticCatalogue.RouteRepeated, route.RouteKey, f.Model.MethodId, first == route.RouteKey ? $"'{first}' twice" : $"'{first}' and '{route.RouteKey}'");
            else
                seen.Add(template.Shape, route.RouteKey);

            foreach (var ignored in route.Ignored.Where(i => !template.Parameters.Contains(i, StringComparer.OrdinalIgnoreCase)))
                yield return f.Report(DiagnosticCatalogue.IgnoredNotInRoute, route.RouteKey, ignored,
                    template.Parameters.Count == 0 ? "none" : string.Join(", ", template.Parameters));

            foreach (var name in template.Parameters)
            {
                var bound = parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
                    && HttpParameterKinds.Of(p.Shape) is HttpParameterKind.Simple or HttpParameterKind.Body);
                if (bound is not null)
                {
                    if (HttpParameterKinds.Of(bound.Shape) == HttpParameterKind.Body && reportedParameters.Add(bound.Name))
                        yield return f.Report(DiagnosticCatalogue.HttpParameterNotBindable, f.Model.MethodId, bound.Name,
                            $"has the name of the route parameter '{name}', but its type {bound.Shape.Name} is not one a route value is parsed into");
                }
                else if (!readsRequest && !route.Ignored.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    yield return f.Report(DiagnosticCatalogue.RouteParameterUnbound, route.RouteKey, name, f.Model.MethodId);
                }
            }
        }
    }

    /// <summary>Routes declared by more than one function (each place reported, naming the others), and the API's name.</summary>
    public static IEnumerable<Diagnostic> CheckAssembly(IReadOnlyList<FunctionUnderCheck> functions, FunctionsManifest manifest)
    {
        var declared = functions
            .SelectMany(f => f.Model.Routes
                .Select(r => (Function: f, Route: r.RouteKey, Template: RouteTemplate.Parse(r.RouteKey, out _)))
                .Where(r => r.Template is not null)
                .DistinctBy(r => r.Template!.Shape))
            .ToArray();
        foreach (var group in declared.GroupBy(r => r.Template!.Shape, StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var (function, route, _) in group)
                yield return function.Report(DiagnosticCatalogue.DuplicateRoute, route, string.Join(", ", group
                    .Where(o => !ReferenceEquals(o.Function, function))
                    .Select(o => o.Function.Model.Location is null ? $"{o.Function.Model.MethodId} (as '{o.Route}')" : $"{o.Function.Model.MethodId} at {o.Function.Model.Location} (as '{o.Route}')")));

        if (manifest.HttpApiName is { } name && name.Length is 0 or > MaxApiNameLength)
            yield return DiagnosticCatalogue.InvalidHttpApiName.Create(null, name, name.Length);
    }
}
