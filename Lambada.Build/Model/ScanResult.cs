using Lambada.Build.Diagnostics;

namespace Lambada.Build.Model;

/// <summary>Everything the scan read from one assembly.</summary>
internal sealed record ScanResult
{
    public required string AssemblyName { get; init; }

    /// <summary>The assembly's <c>TargetFrameworkAttribute</c>, e.g. <c>.NETCoreApp,Version=v10.0</c>; null when absent.</summary>
    public string? TargetFramework { get; init; }
    public required AssemblyDefaults Defaults { get; init; }
    public required IReadOnlyList<FunctionModel> Functions { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}
