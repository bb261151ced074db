using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Lambada.Runtime.Http;

/// <summary>
/// How an HTTP function's parameters are filled from a payload-v2 request, worked out once per method: the raw request, the
/// context and the token by type; simple values by name (case-insensitive) from the route's values, else the query string;
/// a <see cref="Stream"/> from the body's bytes; the one other parameter from the JSON body. What the caller got wrong is an
/// <see cref="HttpBindingException"/> whose message says which parameter and why.
/// </summary>
[RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
internal sealed class HttpParameterBinder
{
    private readonly HttpParameter[] _parameters;

    public HttpParameterBinder(MethodInfo method)
    {
        _parameters = [.. method.GetParameters().Select(Plan)];
        var bodies = _parameters.Where(p => p.Source is HttpParameterSource.Json).Select(p => p.Name).ToArray();
        if (bodies.Length > 1)
            throw new InvalidOperationException(
                $"{method.DeclaringType?.FullName}::{method.Name} is an HTTP function with {bodies.Length} parameters to read from the JSON body "
                + $"({string.Join(", ", bodies)}); at most one parameter may be the body, the others must be simple values, the request, the context or a CancellationToken");
    }

    public IReadOnlyList<HttpParameter> Parameters => _parameters;

    /// <exception cref="HttpBindingException">A value is missing or unreadable, or the body is not the JSON it should be.</exception>
    public object?[] Bind(LambadaHttpRequest request, ILambadaContext context, CancellationToken cancellation)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            arguments[i] = parameter.Source switch
            {
                HttpParameterSource.Request => request,
                HttpParameterSource.Context => context,
                HttpParameterSource.Cancellation => cancellation,
                HttpParameterSource.Stream => new MemoryStream(BodyBytes(request), writable: false),
                HttpParameterSource.Json => FromJson(parameter, request),
                _ => FromText(parameter, request),
            };
        }
        return arguments;
    }

    /// <summary>The body's bytes: base64-decoded when the event says it is base64, else the text's UTF-8.</summary>
    public static byte[] BodyBytes(LambadaHttpRequest request)
    {
        if (string.IsNullOrEmpty(request.Body))
            return [];
        if (!request.IsBase64Encoded)
            return Encoding.UTF8.GetBytes(request.Body);
        try
        {
            return Convert.FromBase64String(request.Body);
        }
        catch (FormatException e)
        {
            throw new HttpBindingException("The request body is marked base64-encoded but is not valid base64.", e);
        }
    }

    private static object? FromText(HttpParameter parameter, LambadaHttpRequest request)
    {
        var (text, source) = Lookup(request.PathParameters, parameter.Name) is { } routeValue
            ? (routeValue, "route value")
            : (Lookup(request.QueryStringParameters, parameter.Name), "query parameter");
        // An empty value (?id=) is no value, except for a string, which it is.
        if (text is null || (text.Length == 0 && parameter.ValueType != typeof(string)))
        {
            if (parameter.HasDefault)
                return parameter.Default;
            if (parameter.AcceptsNull)
                return null;
            throw new HttpBindingException($"The required query parameter '{parameter.Name}' is missing.");
        }
        if (SimpleValues.TryParse(parameter.ValueType, text, out var value))
            return value;
        throw new HttpBindingException($"The {source} '{parameter.Name}' must be a {SimpleValues.Describe(parameter.ValueType)}; '{text}' is not one.");
    }

    private static object? FromJson(HttpParameter parameter, LambadaHttpRequest request)
    {
        var body = BodyBytes(request);
        if (body.Length == 0)
        {
            if (parameter.AcceptsNull)
                return null;
            throw new HttpBindingException($"The request has no body; '{parameter.Name}' is read from a JSON body.");
        }
        try
        {
            return JsonSerializer.Deserialize(body, parameter.Type, LambadaJson.Options);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new HttpBindingException($"The request body is not valid JSON for '{parameter.Name}'{where}{line}.", e);
        }
    }

    /// <summary>By name, exactly first, then ignoring case (route and query keys are the caller's spelling).</summary>
    private static string? Lookup(IReadOnlyDictionary<string, string>? values, string name)
    {
        if (values is null)
            return null;
        if (values.TryGetValue(name, out var exact))
            return exact;
        foreach (var (key, value) in values)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    private static HttpParameter Plan(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name ?? $"#{parameter.Position}";
        var underlying = Nullable.GetUnderlyingType(type);
        var source = type == typeof(LambadaHttpRequest) ? HttpParameterSource.Request
            : type == typeof(ILambadaContext) ? HttpParameterSource.Context
            : type == typeof(CancellationToken) ? HttpParameterSource.Cancellation
            : type == typeof(Stream) ? HttpParameterSource.Stream
            : SimpleValues.IsSimple(type) ? HttpParameterSource.Value
            : HttpParameterSource.Json;
        var acceptsNull = !type.IsValueType || underlying is not null;
        return new HttpParameter(name, source, type, underlying ?? type, acceptsNull, parameter.HasDefaultValue, DefaultOf(parameter, source, underlying ?? type));
    }

    /// <summary>
    /// The C# default value as the handler would get it: reflection gives an enum's as its number and <c>default</c> of a
    /// struct as null, so both are turned back into values of the parameter's type. Only simple values have one that matters.
    /// </summary>
    private static object? DefaultOf(ParameterInfo parameter, HttpParameterSource source, Type valueType)
    {
        if (!parameter.HasDefaultValue || source != HttpParameterSource.Value)
            return null;
        var value = parameter.DefaultValue;
        if (value is null or DBNull or Missing)
            return Nullable.GetUnderlyingType(parameter.ParameterType) is null ? SimpleValues.Zero(valueType) : null;
        return valueType.IsEnum && value.GetType() != valueType ? Enum.ToObject(valueType, value) : value;
    }
}

/// <summary>Where one parameter of an HTTP function comes from.</summary>
internal enum HttpParameterSource { Request, Context, Cancellation, Stream, Json, Value }

/// <summary>One parameter of an HTTP function, planned: its name and type, where it comes from, what it is when missing.</summary>
internal sealed record HttpParameter(string Name, HttpParameterSource Source, Type Type, Type ValueType, bool AcceptsNull, bool HasDefault, object? Default);
