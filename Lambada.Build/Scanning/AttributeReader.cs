using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Turns Lambada's custom attributes into plain values. Named arguments are matched by property name;
/// enums arrive as their underlying number.
/// </summary>
public static class AttributeReader
{
    public static FunctionSettings ReadFunction(CustomAttribute attribute)
    {
        var settings = new FunctionSettings();
        foreach (var (name, value) in NamedArguments(attribute))
        {
            settings = name switch
            {
                "Name" => settings with { Name = value as string },
                "MemorySize" => settings with { MemorySize = ToInt(value) },
                "Timeout" => settings with { Timeout = ToInt(value) },
                "Role" => settings with { Role = value as string },
                "Description" => settings with { Description = value as string },
                "Alias" => settings with { Alias = value as string },
                "Runtime" => settings with { Runtime = ToInt(value) },
                "Architecture" => settings with { Architecture = ToInt(value) },
                "EphemeralStorage" => settings with { EphemeralStorage = ToInt(value) },
                "ReservedConcurrency" => settings with { ReservedConcurrency = ToInt(value) },
                _ => settings,
            };
        }
        return settings;
    }

    public static AssemblyDefaults ReadDefaults(CustomAttribute attribute)
    {
        var defaults = new AssemblyDefaults();
        foreach (var (name, value) in NamedArguments(attribute))
        {
            defaults = name switch
            {
                "MemorySize" => defaults with { MemorySize = ToInt(value) },
                "Timeout" => defaults with { Timeout = ToInt(value) },
                "Role" => defaults with { Role = value as string },
                "Runtime" => defaults with { Runtime = ToInt(value) },
                "Architecture" => defaults with { Architecture = ToInt(value) },
                "EphemeralStorage" => defaults with { EphemeralStorage = ToInt(value) },
                _ => defaults,
            };
        }
        return defaults;
    }

    /// <summary>The (key, value) pair of a <c>[LambadaEnvironment]</c> or <c>[LambadaTag]</c>.</summary>
    public static KeyValuePair<string, string> ReadPair(CustomAttribute attribute) => new(
        attribute.ConstructorArguments[0].Value as string ?? "",
        attribute.ConstructorArguments[1].Value as string ?? "");

    private static IEnumerable<(string Name, object? Value)> NamedArguments(CustomAttribute attribute) =>
        attribute.Properties.Concat(attribute.Fields).Select(a => (a.Name, (object?)a.Argument.Value));

    private static int ToInt(object? value) => value is null ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
}
