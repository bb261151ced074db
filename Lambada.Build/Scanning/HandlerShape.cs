namespace Lambada.Build.Scanning;

/// <summary>What the scan saw of a handler method's signature and declaring type; the validator judges it.</summary>
public sealed record HandlerShape
{
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
    public required IReadOnlyList<HandlerParameter> Parameters { get; init; }
}

/// <summary>One parameter of a handler: its type's full name (reflection form) and how it is passed.</summary>
public sealed record HandlerParameter(string Name, string Type, bool IsByRef, bool IsParamArray);
