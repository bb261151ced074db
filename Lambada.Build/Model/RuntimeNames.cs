namespace Lambada.Build.Model;

/// <summary>Lambda's names for the values of <see cref="LambadaRuntime"/> (its constants are compiled in; the enum is never loaded).</summary>
internal static class RuntimeNames
{
    public const string Dotnet8 = "dotnet8";
    public const string Dotnet10 = "dotnet10";
    public const string ProvidedAl2023 = "provided.al2023";

    /// <summary>The Lambda name of an enum value; null for Default (0) or a number the enum does not have.</summary>
    public static string? FromEnum(int value) => value switch
    {
        (int)LambadaRuntime.Dotnet8 => Dotnet8,
        (int)LambadaRuntime.Dotnet10 => Dotnet10,
        (int)LambadaRuntime.ProvidedAl2023 => ProvidedAl2023,
        _ => null,
    };
}

/// <summary>Lambda's names for the values of <c>Lambada.LambadaArchitecture</c>.</summary>
internal static class ArchitectureNames
{
    public const string X86_64 = "x86_64";
    public const string Arm64 = "arm64";

    public static string? FromEnum(int value) => value switch
    {
        (int)LambadaArchitecture.X86_64 => X86_64,
        (int)LambadaArchitecture.Arm64 => Arm64,
        _ => null,
    };
}
