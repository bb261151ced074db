using Lambada.Build.Model;

namespace Lambada.Build.Manifest;

/// <summary>Maps an assembly's <c>TargetFrameworkAttribute</c> to the short name and the managed Lambda runtime.</summary>
internal static class TargetFrameworks
{
    /// <summary><c>.NETCoreApp,Version=v10.0</c> → <c>net10.0</c>; other frameworks are returned as written.</summary>
    public static string? ShortName(string? targetFramework)
    {
        const string prefix = ".NETCoreApp,Version=v";
        return targetFramework is not null && targetFramework.StartsWith(prefix, StringComparison.Ordinal)
            ? "net" + targetFramework[prefix.Length..]
            : targetFramework;
    }

    /// <summary>
    /// The framework a multi-targeting project deploys from: the one <c>LambadaTargetFramework</c> names, else the newest
    /// <c>netX.Y</c> of <c>TargetFrameworks</c>. A single-target project always deploys its one framework.
    /// </summary>
    public static string DeployedFramework(string current, string? targetFrameworks, string? named)
    {
        if (!string.IsNullOrWhiteSpace(named))
            return named.Trim();
        var all = (targetFrameworks ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return all.Length == 0 ? current : all.OrderByDescending(Version).ThenBy(f => f, StringComparer.Ordinal).First();
    }

    private static Version Version(string shortName) =>
        shortName.StartsWith("net", StringComparison.Ordinal) && System.Version.TryParse(shortName[3..].Split('-')[0], out var version)
            ? version
            : new Version(0, 0);

    /// <summary>The managed runtime that runs this framework, or null when Lambda has none.</summary>
    public static string? ManagedRuntime(string? shortName) => shortName switch
    {
        "net8.0" => RuntimeNames.Dotnet8,
        "net10.0" => RuntimeNames.Dotnet10,
        _ => null,
    };
}
