using System.Text.RegularExpressions;

namespace Lambada.Build.Validation;

/// <summary>
/// A route key of an HTTP API as API Gateway reads it: <c>$default</c>, or a method, one space and a path whose segments are
/// literal or one whole <c>{name}</c>, with a greedy <c>{name+}</c> only last. <see cref="Shape"/> is the key with its
/// parameters' names left out: two routes of the same shape are one route to API Gateway.
/// </summary>
internal sealed partial record RouteTemplate(string Method, IReadOnlyList<string> Parameters, string Shape)
{
    public const string Default = "$default";

    public static readonly IReadOnlyList<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];

    public bool IsDefault => Method == Default;

    /// <summary>The template, or null and what is wrong with the key (completing "Route 'x' …").</summary>
    public static RouteTemplate? Parse(string key, out string? problem)
    {
        problem = Problem(key, out var template);
        return template;
    }

    private static string? Problem(string key, out RouteTemplate? template)
    {
        template = null;
        if (key == Default)
        {
            template = new RouteTemplate(Default, [], Default);
            return null;
        }
        if (key.Trim().Length == 0)
            return "is empty";
        if (key.Contains(Default, StringComparison.Ordinal))
            return "combines $default with a method or path, but $default stands alone";
        if (key != key.Trim())
            return "starts or ends with white space";
        var space = key.IndexOf(' ');
        if (space < 0)
            return key.StartsWith('/') ? "has no method before its path" : "has no path after its method";
        var method = key[..space];
        var path = key[(space + 1)..];
        if (!Methods.Contains(method))
            return Methods.Contains(method.ToUpperInvariant())
                ? $"writes the method '{method}' in lower case; API Gateway reads only capitals"
                : $"has the method '{method}', which is not one API Gateway routes";
        if (path.Any(char.IsWhiteSpace))
            return "has more than one space, or white space in its path";
        if (!path.StartsWith('/'))
            return $"has the path '{path}', which does not start with '/'";
        if (path.Contains('?') || path.Contains('#'))
            return "has a query string or fragment in its path, which a route never matches on (query values are bound by name without being declared)";

        var parameters = new List<string>();
        var shape = new List<string>();
        var segments = path == "/" ? Array.Empty<string>() : path[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
                return "has an empty segment ('//', or a '/' at the end)";
            if (!segment.Contains('{') && !segment.Contains('}'))
            {
                shape.Add(segment);
                continue;
            }
            var match = ParameterSegment().Match(segment);
            if (!match.Success)
                return $"has the segment '{segment}', but a route parameter is one whole segment, {{name}} or {{name+}}, its name of letters, digits, '_', '-' and '.'";
            var name = match.Groups["name"].Value;
            var greedy = match.Groups["greedy"].Success;
            if (greedy && i != segments.Length - 1)
                return $"has the greedy parameter {{{name}+}} before its last segment, but a greedy parameter takes the rest of the path";
            if (parameters.Contains(name, StringComparer.OrdinalIgnoreCase))
                return $"names the parameter '{name}' twice";
            parameters.Add(name);
            shape.Add(greedy ? "{+}" : "{}");
        }
        template = new RouteTemplate(method, parameters, $"{method} /{string.Join('/', shape)}");
        return null;
    }

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^\{(?<name>[A-Za-z0-9_.-]+)(?<greedy>\+)?\}\z")]
    private static partial Regex ParameterSegment();
}
