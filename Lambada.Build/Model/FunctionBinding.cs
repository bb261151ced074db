using System.Diagnostics.CodeAnalysis;

namespace Lambada.Build.Model;

/// <summary>
/// What generated code names so a trimmed or Native AOT package can still run a handler the runtime finds by reflection:
/// the types to keep with the members it reflects on, and the event and result types that get source-generated JSON.
/// </summary>
internal sealed record FunctionBinding
{
    /// <summary>The handler's type, and the <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> whose value the runtime reads.</summary>
    public required IReadOnlyList<KeptType> KeptTypes { get; init; }

    /// <summary>The event and result types as C# names them.</summary>
    public required IReadOnlyList<string> JsonTypes { get; init; }
}

/// <summary>A type as C# names it, and the members of it to keep.</summary>
internal sealed record KeptType(string Type, DynamicallyAccessedMemberTypes Members);
