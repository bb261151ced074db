namespace Lambada.Build.Diagnostics;

/// <summary>
/// An expected failure: the descriptor it is reported under, its message arguments and, when known, the place in the user's
/// source it points at. Raised anywhere in the engine, it reaches the MSBuild log as one diagnostic.
/// </summary>
internal sealed class LambadaException(DiagnosticDescriptor descriptor, object?[] args, SourceLocation? location = null)
    : Exception(descriptor.Create(location, args).Message)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;
    public IReadOnlyList<object?> Arguments { get; } = args;
    public SourceLocation? Location { get; } = location;

    public Diagnostic ToDiagnostic() => Descriptor.Create(Location, [.. Arguments]);
}
