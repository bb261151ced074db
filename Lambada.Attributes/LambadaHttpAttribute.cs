using System;

namespace Lambada;

/// <summary>
/// A route of the project's HTTP API (API Gateway v2, payload format 2.0, one API per project, <c>$default</c> stage with
/// auto-deploy): <c>"GET /orders/{id}"</c>, <c>"ANY /files/{proxy+}"</c>, <c>"$default"</c>. Repeat it for more routes.
/// Route values, query values and a JSON body are bound to the method's parameters by name; every <c>{param}</c> of the route
/// must be bound or listed in <see cref="Ignore"/>. Auth is <see cref="LambadaAuth.AwsIam"/> unless <see cref="LambadaAuth.None"/>
/// is written out.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class LambadaHttpAttribute : Attribute
{
    /// <summary>Declares the route <paramref name="route"/>: a method (<c>GET</c>, <c>POST</c>, …, <c>ANY</c>), a space and a path, or <c>$default</c>.</summary>
    public LambadaHttpAttribute(string route)
    {
        Route = route;
    }

    /// <summary>The route key as API Gateway spells it.</summary>
    public string Route { get; }

    /// <summary>Who may call the route. Default: <see cref="LambadaAuth.AwsIam"/> (SigV4-signed callers with <c>execute-api:Invoke</c>).</summary>
    public LambadaAuth Auth { get; set; }

    /// <summary>Route parameters the method deliberately does not bind (it reads them from the raw request, or not at all).</summary>
    public string[]? Ignore { get; set; }
}
