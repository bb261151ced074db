namespace Lambada.Build.Model;

/// <summary>One <c>[LambadaHttp]</c> of a function: the route key as API Gateway spells it, and its authorization type (<c>AWS_IAM</c>/<c>NONE</c>).</summary>
internal sealed record HttpRouteDefinition
{
    public const string AwsIam = "AWS_IAM";
    public const string None = "NONE";

    /// <summary><c>GET /orders/{id}</c>, <c>ANY /{proxy+}</c> or <c>$default</c>.</summary>
    public required string RouteKey { get; init; }
    public string AuthorizationType { get; init; } = AwsIam;

    /// <summary>Route parameters the handler deliberately leaves unbound (<c>Ignore</c>).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];
}
