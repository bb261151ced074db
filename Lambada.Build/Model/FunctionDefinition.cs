using Lambada.Build.Diagnostics;

namespace Lambada.Build.Model;

/// <summary>One function as it will be deployed: every value final, defaults applied.</summary>
internal sealed record FunctionDefinition
{
    public required string Name { get; init; }

    /// <summary><c>Namespace.Type::Method</c>, the value of <c>LAMBADA_HANDLER</c>.</summary>
    public required string Method { get; init; }

    /// <summary>Lambda's Handler field: the assembly name on managed runtimes, <c>bootstrap</c> on provided.al2023.</summary>
    public required string Handler { get; init; }
    public required int MemorySize { get; init; }
    public required int Timeout { get; init; }
    public required string Role { get; init; }
    public required string Description { get; init; }

    /// <summary>Lambda's runtime identifier; null when none could be inferred (reported as LMB0160).</summary>
    public required string? Runtime { get; init; }
    public required string Architecture { get; init; }
    public required int EphemeralStorage { get; init; }
    public int? ReservedConcurrency { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
    public string? Alias { get; init; }

    /// <summary>The function URL to give it; null: none.</summary>
    public FunctionUrlDefinition? Url { get; init; }

    /// <summary>Its routes on the project's HTTP API (<see cref="FunctionsManifest.HttpApiName"/>).</summary>
    public IReadOnlyList<HttpRouteDefinition> Routes { get; init; } = [];
    public SourceLocation? Source { get; init; }
}
