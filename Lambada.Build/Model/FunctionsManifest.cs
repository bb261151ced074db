namespace Lambada.Build.Model;

/// <summary>The content of <c>obj/…/lambada/functions.json</c>: every function one assembly declares.</summary>
internal sealed record FunctionsManifest
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Assembly { get; init; }

    /// <summary>Short form of the assembly's target framework (<c>net10.0</c>); null when the assembly does not say.</summary>
    public string? TargetFramework { get; init; }
    public required IReadOnlyList<FunctionDefinition> Functions { get; init; }

    /// <summary>The name of the project's HTTP API (<c>LambadaHttpApiName</c>, else the project's name); null when no function has a route.</summary>
    public string? HttpApiName { get; init; }
}
