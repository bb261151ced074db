namespace Lambada.Build.Manifest;

/// <summary>Maps an assembly's <c>TargetFrameworkAttribute</c> to the short name and the managed Lambda runtime.</summary>
public static class TargetFrameworks
{
    /// <summary><c>.NETCoreApp,Version=v10.0</c> → <c>net10.0</c>; other frameworks are returned as written.</summary>
    public static string? ShortName(string? targetFramework)
    {
        const string prefix = ".NETCoreApp,Version=v";
        return targetFramework is not null && targetFramework.StartsWith(prefix, StringComparison.Ordinal)
            ? "net" + targetFramework[prefix.Length..]
            : targetFramework;
    }

    /// <summary>The managed runtime that runs this framework, or null when Lambda has none.</summary>
    public static string? ManagedRuntime(string? shortName) => shortName switch
    {
        "net8.0" => RuntimeNames.Dotnet8,
        "net10.0" => RuntimeNames.Dotnet10,
        _ => null,
    };
}
