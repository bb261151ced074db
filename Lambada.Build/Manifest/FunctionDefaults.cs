using Lambada.Build.Model;

namespace Lambada.Build.Manifest;

/// <summary>
/// The one place defaults live. Each value is taken from the first that sets it: the function's
/// attribute, the MSBuild property, the assembly's <c>[LambadaDefaults]</c>, the built-in value.
/// </summary>
public sealed record FunctionDefaults(int MemorySize, int Timeout, string Role, string? Runtime, string Architecture, int EphemeralStorage)
{
    public const int BuiltInMemorySize = 512;
    public const int BuiltInTimeout = 30;
    public const string BuiltInRole = "lambda_basic_execution";
    public const string BuiltInArchitecture = ArchitectureNames.X86_64;
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
