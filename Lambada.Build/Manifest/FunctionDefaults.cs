using Lambada.Build.Model;

namespace Lambada.Build.Manifest;

/// <summary>
/// The one place defaults live. Each value is taken from the first that sets it: the function's
/// attribute, the MSBuild property, the assembly's <c>[LambadaDefaults]</c>, the built-in value. The built-in memory
/// size and timeout are <see cref="LambadaContract"/>'s, which Lambada.Runtime shares for a local run without a manifest.
/// AWS's own defaults (what Lambda gives a field a request leaves out) are another thing: Aws/Lambda/LambdaDefaults.
/// </summary>
internal sealed record FunctionDefaults(int MemorySize, int Timeout, string Role, string? Runtime, string Architecture, int EphemeralStorage)
{
    public const int BuiltInMemorySize = LambadaContract.BuiltInMemorySize;
    public const int BuiltInTimeout = LambadaContract.BuiltInTimeout;
    public const string BuiltInRole = "lambda_basic_execution";
    public const string BuiltInArchitecture = ArchitectureNames.X86_64;
    /// <summary>The same as Lambda's own default: the 512 MB it charges nothing extra for.</summary>
    public const int BuiltInEphemeralStorage = 512;

    public static FunctionDefaults Resolve(AssemblyDefaults assembly, ProjectOptions project) => new(
        MemorySize: project.DefaultMemorySize ?? NonZero(assembly.MemorySize) ?? BuiltInMemorySize,
        Timeout: project.DefaultTimeout ?? NonZero(assembly.Timeout) ?? BuiltInTimeout,
        Role: NonEmpty(project.DefaultRole) ?? NonEmpty(assembly.Role) ?? BuiltInRole,
        Runtime: RuntimeNames.FromEnum(assembly.Runtime),
        Architecture: ArchitectureNames.FromEnum(assembly.Architecture) ?? BuiltInArchitecture,
        EphemeralStorage: NonZero(assembly.EphemeralStorage) ?? BuiltInEphemeralStorage);

    internal static int? NonZero(int value) => value == 0 ? null : value;

    internal static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
