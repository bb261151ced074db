using System.Diagnostics;

namespace Lambada.Testing;

/// <summary>The environment of a <c>dotnet</c> started from a program that <c>dotnet run</c> or <c>dotnet test</c> started.</summary>
internal static class NestedDotnet
{
    /// <summary>
    /// Without the MSBuild settings <c>dotnet run</c> hands down to the program it starts (a nested build must not see them),
    /// and without telemetry or the welcome text.
    /// </summary>
    public static ProcessStartInfo WithCleanEnvironment(this ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }
}
