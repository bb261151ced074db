using Lambada.Build.Diagnostics;

namespace Lambada.Build.Model;

/// <summary>One method carrying <c>[LambadaFunction]</c>, as the scan found it.</summary>
internal sealed record FunctionModel
{
    /// <summary>Declaring type in reflection form (<c>Ns.Outer+Inner</c>).</summary>
    public required string TypeName { get; init; }
    public required string MethodName { get; init; }
    public required FunctionSettings Settings { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; }
    public required HandlerShape Shape { get; init; }

    /// <summary>The <c>[LambadaUrl]</c>, when the method has one.</summary>
    public FunctionUrlDefinition? Url { get; init; }

    /// <summary>The <c>[LambadaHttp]</c> routes, in attribute order.</summary>
    public IReadOnlyList<HttpRouteDefinition> Routes { get; init; } = [];

    /// <summary>What generated code must name for a trimmed or Native AOT package to run this handler.</summary>
    public required FunctionBinding Binding { get; init; }
    public SourceLocation? Location { get; init; }

    /// <summary>The method as <c>LAMBADA_HANDLER</c> names it: <c>Namespace.Type::Method</c>.</summary>
    public string MethodId => TypeName + LambadaContract.HandlerSeparator + MethodName;
}
