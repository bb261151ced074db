namespace Lambada.Build.Model;

/// <summary>What the scan saw of a handler method's signature and declaring type; the validator judges it.</summary>
internal sealed record HandlerShape
{
    /// <summary>The context parameter a handler may take besides its event (full name: the build never loads Lambada.Runtime).</summary>
    public const string ContextType = "Lambada.Runtime.ILambadaContext";
    public const string CancellationTokenType = "System.Threading.CancellationToken";

    public required bool IsPublic { get; init; }
    public required bool IsTypePublic { get; init; }
    public required bool IsStatic { get; init; }
    public required bool IsGeneric { get; init; }
    public required bool IsTypeGeneric { get; init; }
    public required bool IsTypeAbstract { get; init; }
    public required bool IsTypeInterface { get; init; }
    public required bool HasPublicParameterlessConstructor { get; init; }
    public required bool IsAsync { get; init; }
    public required string ReturnType { get; init; }

    /// <summary>The return type as the rules walk it: what it is and what it is built of.</summary>
    public required SignatureType Returns { get; init; }
    public required IReadOnlyList<HandlerParameter> Parameters { get; init; }
}

/// <summary>One parameter of a handler: its type's full name (reflection form), how it is passed, and its type as the rules walk it.</summary>
internal sealed record HandlerParameter(string Name, string Type, bool IsByRef, bool IsParamArray, SignatureType Shape);
