using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>LMB0103–0108: the numeric limits Lambda enforces, and enum values the attribute enums do not have.</summary>
internal static class LimitRules
{
    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var d = f.Definition;
        var s = f.Model.Settings;
        if (d.MemorySize is < 128 or > 10240)
            yield return f.Report(DiagnosticCatalogue.MemorySizeOutOfRange, d.MemorySize);
        if (d.Timeout is < 1 or > 900)
            yield return f.Report(DiagnosticCatalogue.TimeoutOutOfRange, d.Timeout);
        if (d.Description.Length > 256)
            yield return f.Report(DiagnosticCatalogue.DescriptionTooLong, d.Description.Length);
        if (d.EphemeralStorage is < 512 or > 10240)
            yield return f.Report(DiagnosticCatalogue.EphemeralStorageOutOfRange, d.EphemeralStorage);
        if (s.ReservedConcurrency < 0)
            yield return f.Report(DiagnosticCatalogue.NegativeReservedConcurrency, s.ReservedConcurrency);
        if (s.Runtime != 0 && RuntimeNames.FromEnum(s.Runtime) is null)
            yield return f.Report(DiagnosticCatalogue.UnknownEnumValue, nameof(LambadaFunctionAttribute.Runtime), s.Runtime, nameof(LambadaRuntime));
        if (s.Architecture != 0 && ArchitectureNames.FromEnum(s.Architecture) is null)
            yield return f.Report(DiagnosticCatalogue.UnknownEnumValue, nameof(LambadaFunctionAttribute.Architecture), s.Architecture, nameof(LambadaArchitecture));
    }
}
