using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Build.Scanning;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0182–0183 (and LMB0144, LMB0151–0157 for the body's type): the parameters of an HTTP function, which the host binds
/// by kind (<see cref="HttpParameterKinds"/>) and name instead of by position, so any number of them is fine — each plumbing
/// kind at most once, one body, and names that stay apart when compared case-insensitively.
/// </summary>
internal static class HttpHandlerRules
{
    public static IEnumerable<Diagnostic> CheckParameters(FunctionUnderCheck f, IReadOnlyList<HandlerParameter> parameters)
    {
        var method = f.Model.MethodId;
        var seen = new HashSet<HttpParameterKind>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = new List<HandlerParameter>();
        foreach (var p in parameters)
        {
            if (p.IsByRef)
            {
                yield return f.Report(DiagnosticCatalogue.HandlerByRefParameter, method, p.Name);
                continue;
            }
            var kind = HttpParameterKinds.Of(p.Shape);
            var problem = p.IsParamArray ? "is a params array"
                : kind == HttpParameterKind.Response ? "is a LambadaHttpResponse, which a handler returns and never receives"
                : (kind is HttpParameterKind.Request or HttpParameterKind.Context or HttpParameterKind.CancellationToken) && !seen.Add(kind)
                    ? $"is a second {p.Shape.Name}"
                : names.TryGetValue(p.Name, out var other) ? $"has the name of parameter '{other}' when case is ignored, as the host matches names"
                : null;
            names.TryAdd(p.Name, p.Name);
            if (problem is not null)
            {
                yield return f.Report(DiagnosticCatalogue.HttpParameterNotBindable, method, p.Name, problem);
                continue;
            }
            if (kind is HttpParameterKind.Body or HttpParameterKind.Stream)
                body.Add(p);
            if (kind == HttpParameterKind.Body && HandlerTypeRules.CheckEvent(f, p) is { } eventType)
                yield return eventType;
        }
        if (body.Count > 1)
            yield return f.Report(DiagnosticCatalogue.SeveralBodyParameters, method,
                string.Join(", ", body.Select(p => $"'{p.Name}' ({p.Shape.Name})")));
    }
}
