using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Turns Lambada's custom attributes into plain values. Named arguments are matched by property name;
/// enums arrive as their underlying number. The names are Lambada.Attributes' own (<c>nameof</c>, compile-time only).
/// </summary>
internal static class AttributeReader
{
    public static FunctionSettings ReadFunction(CustomAttribute attribute)
    {
        var settings = new FunctionSettings();
        foreach (var (name, value) in NamedArguments(attribute))
        {
            settings = name switch
            {
                nameof(LambadaFunctionAttribute.Name) => settings with { Name = value as string },
                nameof(LambadaFunctionAttribute.MemorySize) => settings with { MemorySize = ToInt(value) },
                nameof(LambadaFunctionAttribute.Timeout) => settings with { Timeout = ToInt(value) },
                nameof(LambadaFunctionAttribute.Role) => settings with { Role = value as string },
                nameof(LambadaFunctionAttribute.Description) => settings with { Description = value as string },
                nameof(LambadaFunctionAttribute.Alias) => settings with { Alias = value as string },
                nameof(LambadaFunctionAttribute.Runtime) => settings with { Runtime = ToInt(value) },
                nameof(LambadaFunctionAttribute.Architecture) => settings with { Architecture = ToInt(value) },
                nameof(LambadaFunctionAttribute.EphemeralStorage) => settings with { EphemeralStorage = ToInt(value) },
                nameof(LambadaFunctionAttribute.ReservedConcurrency) => settings with { ReservedConcurrency = ToInt(value) },
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
                nameof(LambadaDefaultsAttribute.MemorySize) => defaults with { MemorySize = ToInt(value) },
                nameof(LambadaDefaultsAttribute.Timeout) => defaults with { Timeout = ToInt(value) },
                nameof(LambadaDefaultsAttribute.Role) => defaults with { Role = value as string },
                nameof(LambadaDefaultsAttribute.Runtime) => defaults with { Runtime = ToInt(value) },
                nameof(LambadaDefaultsAttribute.Architecture) => defaults with { Architecture = ToInt(value) },
                nameof(LambadaDefaultsAttribute.EphemeralStorage) => defaults with { EphemeralStorage = ToInt(value) },
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
